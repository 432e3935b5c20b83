package ai.steersynth.judge.domain;

/**
 * A parsed rubric answer: each axis scored 0, 1 or 2.
 *
 * @param success the success score
 * @param coherence the coherence score
 * @param reason the judge's one-line reason, or an empty string
 */
public record RubricAnswer(int success, int coherence, String reason) {

    public RubricAnswer {
        if (success < 0 || success > 2 || coherence < 0 || coherence > 2) {
            throw new IllegalArgumentException("rubric scores are 0, 1 or 2; got " + success + ", " + coherence);
        }
        reason = reason == null ? "" : reason;
    }

    /** Success rescaled to [0, 1]: 0, 0.5 or 1. */
    public double successScore() {
        return success / 2.0;
    }

    /** Coherence rescaled to [0, 1]: 0, 0.5 or 1. */
    public double coherenceScore() {
        return coherence / 2.0;
    }
}
