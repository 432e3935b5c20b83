package ai.steersynth.judge.domain;

/**
 * A sweep asked for a judge this service cannot provide (an unknown backend, or a {@code local-llm} model
 * that cannot be loaded here). Its samples are recorded as unscored, not retried.
 */
public class UnsupportedJudgeException extends RuntimeException {

    private final String judgeId;

    public UnsupportedJudgeException(String judgeId, String message) {
        super(message);
        this.judgeId = judgeId;
    }

    /** The id the requested judge would have. */
    public String judgeId() {
        return judgeId;
    }
}
