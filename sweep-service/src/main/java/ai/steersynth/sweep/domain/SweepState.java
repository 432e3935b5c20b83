package ai.steersynth.sweep.domain;

/** Lifecycle of a sweep. */
public enum SweepState {
    /** Accepted; no stage has reported yet. */
    PENDING,
    /** At least one stage event arrived. */
    RUNNING,
    /** Every config reached a terminal state in every stage that applies to it. */
    COMPLETED,
    /** Cancelled by a user; stages skip its remaining work. */
    CANCELLED;

    public boolean terminal() {
        return this == COMPLETED || this == CANCELLED;
    }
}
