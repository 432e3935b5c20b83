package ai.steersynth.judge.domain;

/**
 * The judge could not be asked or did not answer (transport failure after retries, open circuit,
 * rejected configuration). The sample is retried by the consumer and finally dead-lettered.
 */
public class JudgeUnavailableException extends RuntimeException {

    public JudgeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public JudgeUnavailableException(String message) {
        super(message);
    }
}
