package ai.steersynth.judge.client;

import ai.steersynth.judge.domain.Judge;
import ai.steersynth.judge.domain.JudgeRequest;
import ai.steersynth.judge.domain.JudgeResult;
import ai.steersynth.judge.domain.JudgeUnavailableException;
import ai.steersynth.judge.domain.RubricAsking;
import ai.steersynth.judge.domain.RubricTemplate;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The rubric judge on an OpenAI-compatible chat endpoint. Each HTTP call passes, outside in, a retry
 * (429, 5xx, timeouts, connection failures; exponential backoff with jitter, or the server's {@code
 * Retry-After}), a circuit breaker (so a dead endpoint fails fast instead of holding every consumer), a
 * rate limiter and a bulkhead (calls in flight). A readable answer is rescaled from 0/1/2 to 0, 0.5, 1; an
 * unreadable one is asked again, then recorded as unscored with the model's raw text.
 */
public final class OpenAiJudge implements Judge {

    /** Judge ids of this backend are {@code openai:<model>}. */
    public static final String BACKEND = "openai";

    private final OpenAiChatClient client;
    private final OpenAiSettings settings;
    private final RubricTemplate rubric;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;

    public OpenAiJudge(OpenAiChatClient client, OpenAiSettings settings, RubricTemplate rubric) {
        this.client = client;
        this.settings = settings;
        this.rubric = rubric;
        String name = judgeId();
        this.retry = Retry.of(name, retryConfig(settings));
        this.circuitBreaker = CircuitBreaker.of(name, circuitConfig(settings.circuit()));
        this.rateLimiter = RateLimiter.of(
                name,
                RateLimiterConfig.custom()
                        .limitForPeriod(settings.requestsPerSecond())
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        .timeoutDuration(Duration.ofMinutes(1))
                        .build());
        this.bulkhead = Bulkhead.of(
                name,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(settings.maxConcurrentRequests())
                        .maxWaitDuration(Duration.ofMinutes(5))
                        .build());
    }

    @Override
    public String judgeId() {
        return BACKEND + ":" + settings.model();
    }

    @Override
    public String rubricVersion() {
        return rubric.version();
    }

    @Override
    public JudgeResult judge(JudgeRequest request) {
        String user = rubric.userMessage(request);
        return RubricAsking.judge(settings.malformedAttempts(), attempt -> ask(user));
    }

    /** The retry policy, exposed so its events (attempts, computed waits) can be observed. */
    public Retry retry() {
        return retry;
    }

    /** The circuit breaker, exposed for health and metrics. */
    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    private String ask(String user) {
        Supplier<String> call = () -> client.complete(settings.model(), rubric.system(), user, settings.maxTokens());
        call = Bulkhead.decorateSupplier(bulkhead, call);
        call = RateLimiter.decorateSupplier(rateLimiter, call);
        call = CircuitBreaker.decorateSupplier(circuitBreaker, call);
        call = Retry.decorateSupplier(retry, call);
        try {
            return call.get();
        } catch (CallNotPermittedException e) {
            throw new JudgeUnavailableException(
                    "judge endpoint " + settings.baseUrl() + " is failing; circuit open", e);
        } catch (BulkheadFullException | RequestNotPermitted e) {
            throw new JudgeUnavailableException("judge " + judgeId() + " is saturated: " + e.getMessage(), e);
        } catch (OpenAiCallException e) {
            throw new JudgeUnavailableException("judge " + judgeId() + " did not answer: " + e.getMessage(), e);
        }
    }

    private static RetryConfig retryConfig(OpenAiSettings s) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                s.initialBackoff().toMillis(), 2.0, s.jitter(), s.maxBackoff().toMillis());
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            if (outcome.isLeft()
                    && outcome.getLeft() instanceof OpenAiCallException failure
                    && failure.retryAfter() != null) {
                return Math.min(
                        failure.retryAfter().toMillis(), s.maxRetryAfter().toMillis());
            }
            return backoff.apply(attempt);
        };
        return RetryConfig.custom()
                .maxAttempts(s.maxAttempts())
                .retryOnException(e -> e instanceof OpenAiCallException failure && failure.retryable())
                .intervalBiFunction(interval)
                .build();
    }

    private static CircuitBreakerConfig circuitConfig(OpenAiSettings.CircuitSettings c) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(c.slidingWindowSize())
                .minimumNumberOfCalls(c.minimumCalls())
                .failureRateThreshold(c.failureRatePercent())
                .waitDurationInOpenState(c.openFor())
                // Only an endpoint's own failures open the circuit; a non-retryable 4xx is our request's fault.
                .recordException(e -> !(e instanceof OpenAiCallException failure) || failure.retryable())
                .build();
    }
}
