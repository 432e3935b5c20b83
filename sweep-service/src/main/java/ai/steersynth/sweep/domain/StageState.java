package ai.steersynth.sweep.domain;

/** Where one config stands in one stage. */
public enum StageState {
    PENDING,
    DONE,
    FAILED,
    /** The stage does not apply to the config (e.g. generation of an original-data config). */
    NOT_APPLICABLE;

    public boolean terminal() {
        return this != PENDING;
    }
}
