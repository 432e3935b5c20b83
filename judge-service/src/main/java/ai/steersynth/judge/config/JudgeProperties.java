package ai.steersynth.judge.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Tunables of the judge service.
 *
 * @param consumers Kafka consumer threads judging samples (bounded concurrency)
 * @param samplesPerPoll samples a consumer takes at once and judges together (the offline judge embeds them in one
 *     call and reads their likelihood in batches); the poll's last outcome is recorded after the whole poll is
 *     judged, so keep it small for slow judges
 * @param offlineSeed seed of the offline judge's validation split
 * @param validityThreshold AUROC below which a judge is reported invalid for a concept
 * @param validityPollInterval how often sweeps whose judge validity is not announced yet are looked at
 * @param openai the OpenAI-compatible backend
 * @param engine models the judge runs itself (offline coherence, local-llm)
 */
@Validated
@ConfigurationProperties("steersynth.judge")
record JudgeProperties(
        @Positive int consumers,
        @Positive int samplesPerPoll,
        long offlineSeed,
        @DecimalMin("0.0") @DecimalMax("1.0") double validityThreshold,
        @NotNull Duration validityPollInterval,
        @Valid @NotNull OpenAi openai,
        @Valid @NotNull Engine engine) {

    /**
     * Models the judge runs in the engine: the generating model whose likelihood the offline coherence
     * reads, and the local-llm judge model.
     *
     * @param device {@code cpu}, {@code gpu} or {@code gpu:N}
     * @param modelCache where {@code hf:} models are looked for ({@code <cache>/<org>-<name>/}); nothing is downloaded
     * @param likelihood whether the offline judge loads the generating model for coherence (off: repetition only)
     * @param likelihoodMaxTokens tokens of each text scored for likelihood (the rest is cut)
     * @param likelihoodBatchSize texts scored per forward pass
     * @param localMaxNewTokens the local-llm judge's answer budget
     * @param localMalformedAttempts answers the local-llm judge is asked for before one is recorded unscored
     */
    record Engine(
            @NotBlank String device,
            @NotNull Path modelCache,
            boolean likelihood,
            @Positive int likelihoodMaxTokens,
            @Positive int likelihoodBatchSize,
            @Positive int localMaxNewTokens,
            @Positive int localMalformedAttempts) {}

    /**
     * The OpenAI-compatible backend: where, which model, and how hard to try.
     *
     * @param baseUrl default endpoint when a sweep names none ({@code STEERSYNTH_JUDGE_BASE_URL})
     * @param apiKey bearer token ({@code STEERSYNTH_JUDGE_API_KEY}), may be blank for local servers
     * @param defaultModel model when a sweep names none
     * @param connectTimeout TCP connect timeout
     * @param requestTimeout the most one call may take
     * @param maxTokens the answer's token budget
     * @param maxAttempts HTTP attempts per question on 429, 5xx, timeouts and connection failures
     * @param initialBackoff first pause before jitter, doubling per attempt
     * @param maxBackoff longest computed pause
     * @param jitter randomisation factor of each pause, in [0, 1)
     * @param maxRetryAfter longest server {@code Retry-After} honoured as given
     * @param malformedAttempts questions asked before an unreadable answer is recorded unscored
     * @param maxConcurrentRequests calls in flight per endpoint and model
     * @param requestsPerSecond calls started per second per endpoint and model
     * @param circuitFailureRatePercent failure rate that opens the circuit
     * @param circuitWindow calls in the circuit breaker's window
     * @param circuitMinimumCalls calls before the rate is evaluated
     * @param circuitOpenFor how long the circuit stays open
     */
    record OpenAi(
            @NotNull URI baseUrl,
            String apiKey,
            @NotBlank String defaultModel,
            @NotNull Duration connectTimeout,
            @NotNull Duration requestTimeout,
            @Positive int maxTokens,
            @Positive int maxAttempts,
            @NotNull Duration initialBackoff,
            @NotNull Duration maxBackoff,

            @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false)
            double jitter,

            @NotNull Duration maxRetryAfter,
            @Positive int malformedAttempts,
            @Positive int maxConcurrentRequests,
            @Positive int requestsPerSecond,
            @DecimalMin("1.0") @DecimalMax("100.0") float circuitFailureRatePercent,
            @Positive int circuitWindow,
            @Positive int circuitMinimumCalls,
            @NotNull Duration circuitOpenFor) {}
}
