package ai.steersynth.judge.engine;

import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.engine.ModelFiles;
import ai.steersynth.engine.model.Devices;
import ai.steersynth.engine.model.LlamaModel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Models the judge runs itself, loaded lazily once per source and kept until shutdown. A source that
 * cannot be loaded (an {@code hf:} model not in the local cache, a missing file) is remembered with its
 * reason, so it is not retried per sample.
 */
public final class JudgeModels implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JudgeModels.class);

    private final String device;
    private final Path modelCache;
    private final Map<ModelSource, LoadedModel> loaded = new HashMap<>();
    private final Map<ModelSource, String> failures = new HashMap<>();

    /**
     * @param device {@code cpu}, {@code gpu} or {@code gpu:N}
     * @param modelCache where {@code hf:} models are looked for, as {@code <cache>/<org>-<name>/}
     */
    public JudgeModels(String device, Path modelCache) {
        this.device = device;
        this.modelCache = modelCache;
    }

    /** Why the source cannot be loaded here, or empty when it is loaded (loading it now if needed). */
    public synchronized Optional<String> unavailableReason(ModelSource source) {
        if (!loaded.containsKey(source) && !failures.containsKey(source)) {
            try {
                loaded.put(source, load(source));
            } catch (RuntimeException e) {
                String reason = "model " + source.asText() + " cannot be loaded by the judge: " + e.getMessage();
                log.warn(reason);
                failures.put(source, reason);
            }
        }
        return Optional.ofNullable(failures.get(source));
    }

    /**
     * The loaded model.
     *
     * @throws IllegalStateException naming the source and the reason when it cannot be loaded
     */
    public LoadedModel get(ModelSource source) {
        Optional<String> reason = unavailableReason(source);
        if (reason.isPresent()) {
            throw new IllegalStateException(reason.get());
        }
        synchronized (this) {
            return loaded.get(source);
        }
    }

    private LoadedModel load(ModelSource source) {
        Path path = source.localPath(modelCache);
        long started = System.nanoTime();
        ModelFiles files = ModelFiles.open(path);
        try {
            LlamaModel model = LlamaModel.load(files.weights(), Devices.resolve(device));
            log.info("Judge loaded {} in {} ms", path, (System.nanoTime() - started) / 1_000_000);
            return new LoadedModel(files, model);
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    /** Where the source's files are on this machine (the same layout as the generator's model cache). */
    private Path localPath(ModelSource source) {
        return source.localPath(modelCache);
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(LoadedModel::close);
        loaded.clear();
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
