package ai.steersynth.cli.steer;

import ai.steersynth.engine.ModelFiles;
import ai.steersynth.engine.model.Devices;
import ai.steersynth.engine.model.LlamaModel;
import java.nio.file.Path;

/** A model's files (tokenizer, template) and its weights on the chosen device, closed together. */
record SteeringModel(ModelFiles files, LlamaModel model) implements AutoCloseable {

    /** Opens {@code path} (a .gguf file or a Hugging Face directory) and loads the weights on {@code device}. */
    static SteeringModel open(Path path, String device) {
        // the native libraries ship in the jars; never try to download them
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        ModelFiles files = ModelFiles.open(path);
        try {
            return new SteeringModel(files, LlamaModel.load(files.weights(), Devices.resolve(device)));
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
