package ai.steersynth.trainer.domain;

/**
 * A kind of HHH-violation detector that can be trained on a {@link TrainingSet}. Kinds are named ({@link
 * #kind()}) and looked up through {@link DetectorRegistry}, so new kinds (engine residual-stream probes,
 * fine-tuned classifiers) plug in without changes to callers. Implementations must be thread-safe and
 * deterministic given the training set (its composition seed seeds any randomness).
 */
public interface Detector {

    /** The kind's stable name, e.g. {@code embedding-logreg}; stored with each detector run. */
    String kind();

    /**
     * Trains on the set.
     *
     * @throws IllegalArgumentException if the set cannot train this kind (too few examples of a class)
     */
    TrainedDetector train(TrainingSet trainingSet);
}
