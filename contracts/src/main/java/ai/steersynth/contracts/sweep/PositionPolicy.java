package ai.steersynth.contracts.sweep;

/** Which token positions receive the steering vector. */
public enum PositionPolicy {
    /** Every prompt and generated position. */
    PROMPT_AND_GENERATION,
    /** Generated positions only. */
    GENERATION_ONLY
}
