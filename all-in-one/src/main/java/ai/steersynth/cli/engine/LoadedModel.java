package ai.steersynth.cli.engine;

import ai.steersynth.engine.ModelFiles;
import ai.steersynth.engine.model.Devices;
import ai.steersynth.engine.model.LlamaModel;
import java.nio.file.Path;

/** A model's files (tokenizer, template) and its weights on the chosen device, closed together. */
record LoadedModel(ModelFiles files, LlamaModel model) implements AutoCloseable {

    /**
     * Opens {@code path} (a .gguf file or a Hugging Face directory) and loads the weights.
     *
     * @param device {@code cpu}, {@code cuda}, {@code cuda:N} or {@code auto}
     * @param threads PyTorch intra-op threads, or 0 for the engine's default; only effective before
     *     the engine's first use in this JVM
     */
    static LoadedModel open(Path path, String device, int threads) {
        // the native libraries ship in the jars; never try to download them
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        ModelFiles files = ModelFiles.open(path);
        try {
            return new LoadedModel(files, LlamaModel.load(files.weights(), Devices.resolve(device)));
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            model.close();
        } finally {
            files.close();
        }
    }
}
