package ai.steersynth.trainer.engine;

import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.tokenizer.TextTokenizer;
import ai.steersynth.engine.weights.WeightSource;
import java.util.Objects;

/**
 * A model's weights on the device and its tokenizer.
 *
 * @param description where it was loaded from, stored with detector runs
 * @param model the weights
 * @param tokenizer its tokenizer
 * @param weights its checkpoint, open while the model is held (the {@code finetune} detector copies the last
 *     block's weights from it)
 * @param files what else to close with it (the model files), or {@code null}
 */
public record LoadedModel(
        String description, LlamaModel model, TextTokenizer tokenizer, WeightSource weights, AutoCloseable files)
        implements AutoCloseable {

    public LoadedModel {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(weights, "weights");
    }

    @Override
    public void close() {
        model.close();
        if (files != null) {
            try {
                files.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close the files of " + description, e);
            }
        }
    }
}
