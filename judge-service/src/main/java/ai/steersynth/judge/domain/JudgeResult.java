package ai.steersynth.judge.domain;

/**
 * A judge's answer for one text: both scores in [0, 1], or neither with the reason it is unscored.
 * An unscored result is never a score of 0: it travels as {@code SampleJudgementFailed}.
 *
 * @param success how clearly the text expresses the concept, or {@code null} when unscored
 * @param coherence how fluent, on-topic and non-degenerate it is, or {@code null} when unscored
 * @param rawOutput what the judge answered (its text for an LLM judge, its features for the offline judge)
 * @param unscoredReason why there are no scores, or {@code null}
 * @param attempts how many times the judge was asked (1 unless a malformed answer was re-asked)
 */
public record JudgeResult(Double success, Double coherence, String rawOutput, String unscoredReason, int attempts) {

    public JudgeResult {
        if ((success == null) != (coherence == null) || (success == null) == (unscoredReason == null)) {
            throw new IllegalArgumentException("a result has either both scores or an unscored reason");
        }
        if (success != null && !(inUnitInterval(success) && inUnitInterval(coherence))) {
            throw new IllegalArgumentException("scores must lie in [0, 1], got " + success + ", " + coherence);
        }
    }

    /** A scored result. */
    public static JudgeResult scored(double success, double coherence, String rawOutput, int attempts) {
        return new JudgeResult(success, coherence, rawOutput, null, attempts);
    }

    /** An unscored result, keeping what the judge said. */
    public static JudgeResult unscored(String reason, String rawOutput, int attempts) {
        return new JudgeResult(null, null, rawOutput, reason, attempts);
    }

    /** Whether the result carries scores. */
    public boolean isScored() {
        return success != null;
    }

    private static boolean inUnitInterval(double v) {
        return v >= 0 && v <= 1;
    }
}
