package ai.steersynth.contracts.sweep;

/** What a config of a sweep stands for. */
public enum ConfigKind {
    /** Generations steered with a vector at a layer and strength. */
    STEERED,
    /** Unsteered generations where the model is asked to produce the concept. */
    PROMPTING_BASELINE,
    /** No generations: the detector is trained on the real training positives. */
    ORIGINAL_DATA;

    /** Whether configs of this kind go through the generator (and so judge and metrics). */
    public boolean generates() {
        return this != ORIGINAL_DATA;
    }
}
