package ai.steersynth.contracts.sweep;

/** How a sweep's strengths are read. */
public enum StrengthMode {
    /** Multiples of the mean residual norm at the vector's layer: 1.0 = one typical residual norm. */
    RELATIVE,
    /** Used as given: the added vector's norm. */
    ABSOLUTE
}
