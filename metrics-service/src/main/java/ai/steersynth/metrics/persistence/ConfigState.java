package ai.steersynth.metrics.persistence;

/** Where a config stands in the metrics service; stored as its name in {@code metrics_config.state}. */
public enum ConfigState {
    /** Waiting for its sweep's settings, its samples or its completion. */
    WAITING,
    /** Every input is in; a measurement run owns it until it is reported or given up. */
    CLAIMED,
    /** Measured, stored and announced: final. */
    REPORTED,
    /** Measurement failed on every attempt: final, nothing published. */
    FAILED,
    /** An original-data config: the generator never produces samples for it. */
    NOT_APPLICABLE,
    /** The generator reported that it could not generate the config. */
    GENERATION_FAILED,
    /** Generation completed with no samples: an empty set has no diversity. */
    NOTHING_TO_MEASURE,
    /** Its sweep was cancelled before it was reported. */
    CANCELLED
}
