package ai.steersynth.trainer.domain;

/** How a detector training set is put together from a budget B (ARCHITECTURE §2, DetectorRun). */
public enum CompositionRule {
    /** B real negatives and B real positives, subsampled from the train split: the original-data reference. */
    ORIGINAL,
    /**
     * The same B real negatives as {@link #ORIGINAL}, with B of a config's generated samples (optionally only
     * those judged at least a success threshold) in place of the real positives.
     */
    SYNTHETIC_POSITIVES
}
