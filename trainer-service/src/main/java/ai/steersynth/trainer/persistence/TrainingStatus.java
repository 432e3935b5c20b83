package ai.steersynth.trainer.persistence;

/** Where a config's training stands. */
public enum TrainingStatus {
    /** Waiting for its pack, samples or judgements. */
    WAITING,
    /** Queued or training; re-run on startup if the service stopped before it finished. */
    STARTED,
    /** A detector run was stored and announced. */
    COMPLETED,
    /** A failure was announced. */
    FAILED,
    /** Its sweep was cancelled first. */
    CANCELLED;

    /** Whether nothing more happens to the config. */
    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
