package ai.steersynth.trainer.domain;

import java.util.List;

/**
 * Residual-stream features of a language model: per text, the residual after one transformer block, averaged over
 * the text's tokens. Implementations must be thread-safe and deterministic.
 */
public interface ResidualFeatures {

    /** What model the features come from (its source), stored with each run. */
    String model();

    /** The model's number of transformer blocks; layers are 0-based below it. */
    int numberOfLayers();

    /** The most tokens of a text read (longer texts are cut at the end), stored with each run. */
    int maxTokens();

    /**
     * One feature vector per text, in order.
     *
     * @param layer the 0-based block whose output is read
     */
    float[][] features(List<String> texts, int layer);
}
