package ai.steersynth.judge.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one OpenAI-compatible judge needs.
 *
 * @param baseUrl the endpoint, up to but excluding {@code /chat/completions}
 * @param model the judge model
 * @param apiKey bearer token, or blank
 * @param requestTimeout the most one HTTP call may take
 * @param maxTokens the answer's token budget
 * @param maxAttempts HTTP attempts per question (1 = no retry) on 429, 5xx, timeouts and connection failures
 * @param initialBackoff the first retry's pause before jitter; it doubles per attempt
 * @param maxBackoff the longest computed pause
 * @param jitter the randomisation factor of each pause, in [0, 1): a pause p becomes uniform in [p(1-j), p(1+j)]
 * @param maxRetryAfter the longest {@code Retry-After} honoured as given; longer ones are cut to this
 * @param malformedAttempts questions asked before an unreadable answer is recorded as unscored
 * @param maxConcurrentRequests calls in flight at once (bulkhead)
 * @param requestsPerSecond calls started per second (rate limiter)
 * @param circuit the circuit breaker
 */
public record OpenAiSettings(
        URI baseUrl,
        String model,
        String apiKey,
        Duration requestTimeout,
        int maxTokens,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        double jitter,
        Duration maxRetryAfter,
        int malformedAttempts,
        int maxConcurrentRequests,
        int requestsPerSecond,
        CircuitSettings circuit) {

    public OpenAiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("the openai judge needs a model");
        }
        if (maxAttempts < 1 || malformedAttempts < 1 || maxConcurrentRequests < 1 || requestsPerSecond < 1) {
            throw new IllegalArgumentException("attempts, concurrency and rate must be at least 1");
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
    }

    /** These settings for another endpoint and model. */
    public OpenAiSettings withEndpoint(URI newBaseUrl, String newModel) {
        return new OpenAiSettings(
                newBaseUrl,
                newModel,
                apiKey,
                requestTimeout,
                maxTokens,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                jitter,
                maxRetryAfter,
                malformedAttempts,
                maxConcurrentRequests,
                requestsPerSecond,
                circuit);
    }

    /**
     * When the judge endpoint counts as down.
     *
     * @param failureRatePercent the failure rate over the window that opens the circuit
     * @param slidingWindowSize calls in the count-based window
     * @param minimumCalls calls before the rate is evaluated
     * @param openFor how long the circuit stays open before letting trial calls through
     */
    public record CircuitSettings(
            float failureRatePercent, int slidingWindowSize, int minimumCalls, Duration openFor) {}
}
