package ai.steersynth.engine.generate;

/** Why a row stopped generating. */
public enum FinishReason {
    /** It reached its maximum number of new tokens. */
    LENGTH,
    /** It produced a stop token or its stop condition (e.g. a stop string) fired. */
    STOP
}
