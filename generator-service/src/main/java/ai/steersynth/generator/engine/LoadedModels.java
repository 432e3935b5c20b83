package ai.steersynth.generator.engine;

import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.engine.ModelFiles;
import ai.steersynth.engine.model.Devices;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.generator.config.GeneratorProperties;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Models loaded on this generator's device, one per source, kept until shutdown. */
@Component
public class LoadedModels implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LoadedModels.class);

    private final GeneratorProperties properties;
    private final Map<ModelSource, LoadedModel> models = new HashMap<>();

    public LoadedModels(GeneratorProperties properties) {
        this.properties = properties;
    }

    /** The model's files and weights, loading them on first use. */
    public synchronized LoadedModel get(ModelSource source) {
        return models.computeIfAbsent(source, this::load);
    }

    private LoadedModel load(ModelSource source) {
        Path path = source.localPath(properties.modelCache());
        long started = System.nanoTime();
        ModelFiles files = ModelFiles.open(path);
        try {
            LlamaModel model = LlamaModel.load(files.weights(), Devices.resolve(properties.device()));
            log.info(
                    "Loaded {} ({} layers) in {} ms",
                    path,
                    model.config().numberOfLayers(),
                    (System.nanoTime() - started) / 1_000_000);
            return new LoadedModel(files, model);
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    @Override
    public synchronized void destroy() {
        models.values().forEach(LoadedModel::close);
        models.clear();
    }

    /** A model's files (tokenizer, chat template) and its weights on the device. */
    public record LoadedModel(ModelFiles files, LlamaModel model) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
            files.close();
        }
    }
}
