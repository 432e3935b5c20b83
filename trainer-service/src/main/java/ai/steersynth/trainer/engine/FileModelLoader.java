package ai.steersynth.trainer.engine;

import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.engine.ModelFiles;
import ai.steersynth.engine.model.Devices;
import ai.steersynth.engine.model.LlamaModel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads a model from disk as the generator does: a {@code .gguf} file or a directory as given, a Hugging Face repo
 * from the model cache ({@code <cache>/<org>-<name>}, never downloaded here).
 *
 * @param modelCache where Hugging Face models are kept
 * @param device {@code cpu}, {@code cuda}, {@code cuda:N} or {@code auto} ({@link Devices#resolve})
 */
public record FileModelLoader(Path modelCache, String device) implements ModelLoader {

    public FileModelLoader {
        Objects.requireNonNull(modelCache, "modelCache");
        Objects.requireNonNull(device, "device");
    }

    @Override
    public LoadedModel load(ModelSource source) {
        Path path = source.localPath(modelCache);
        ModelFiles files = ModelFiles.open(path);
        try {
            LlamaModel model = LlamaModel.load(files.weights(), Devices.resolve(device));
            return new LoadedModel(source.asText(), model, files.tokenizer(), files.weights(), files);
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    private Path localPath(ModelSource source) {
        return source.localPath(modelCache);
    }
}
