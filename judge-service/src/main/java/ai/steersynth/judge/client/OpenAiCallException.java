package ai.steersynth.judge.client;

import java.time.Duration;

/**
 * A chat-completions call that did not return an answer. Rate limiting (429), server errors (5xx),
 * timeouts and connection failures are retryable; other statuses and unreadable responses are not.
 */
public class OpenAiCallException extends RuntimeException {

    /** No HTTP status: the call timed out or the connection failed. */
    public static final int NO_STATUS = -1;

    private final int status;
    private final Duration retryAfter;
    private final boolean retryable;

    OpenAiCallException(String message, int status, Duration retryAfter, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
        this.retryable = retryable;
    }

    /** The HTTP status, or {@link #NO_STATUS}. */
    public int status() {
        return status;
    }

    /** The server's {@code Retry-After}, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether trying again may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
