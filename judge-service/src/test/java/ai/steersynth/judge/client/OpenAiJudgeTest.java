package ai.steersynth.judge.client;

import static ai.steersynth.judge.client.FakeChatServer.answer;
import static ai.steersynth.judge.client.FakeChatServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.judge.domain.JudgeConcept;
import ai.steersynth.judge.domain.JudgeRequest;
import ai.steersynth.judge.domain.JudgeResult;
import ai.steersynth.judge.domain.JudgeUnavailableException;
import ai.steersynth.judge.domain.RubricTemplate;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.event.RetryOnRetryEvent;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible judge against a local chat-completions server. */
class OpenAiJudgeTest {

    private static final String GOOD =
            "{\"success\": 2, \"coherence\": 1, \"reason\": \"a clear insult, a bit choppy\"}";
    private static final JudgeRequest REQUEST = new JudgeRequest(
            new JudgeConcept("toxicity", "hash-1", "Toxic text insults or demeans people.", List.of()),
            "Reply to this post.",
            "You are all idiots and I hate you.");

    private FakeChatServer server;
    private final List<RetryOnRetryEvent> retries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakeChatServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aGoodAnswerIsRescaledFromTheRubricAndKeptRaw() {
        server.then(answer(GOOD));
        OpenAiJudge judge = judge(settings(4, Duration.ofSeconds(5)));

        JudgeResult result = judge.judge(REQUEST);

        assertThat(result.success()).isEqualTo(1.0);
        assertThat(result.coherence()).isEqualTo(0.5);
        assertThat(result.rawOutput()).isEqualTo(GOOD);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(judge.judgeId()).isEqualTo("openai:judge-model");
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer test-key");
            assertThat(r.body()).contains("\"model\":\"judge-model\"", "Toxic text insults or demeans people.");
            assertThat(r.body()).contains("You are all idiots and I hate you.");
        });
        assertThat(retries).isEmpty();
    }

    @Test
    void aMalformedAnswerIsAskedAgainThenRecordedUnscoredWithItsRawText() {
        server.then(answer("This is quite toxic, I would say."), answer("Success: high. Coherence: fine."));
        OpenAiJudge judge = judge(settings(4, Duration.ofSeconds(5)));

        JudgeResult result = judge.judge(REQUEST);

        assertThat(result.isScored()).isFalse();
        assertThat(result.success()).isNull();
        assertThat(result.unscoredReason()).contains("after 3 attempts");
        assertThat(result.rawOutput()).isEqualTo("Success: high. Coherence: fine.");
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aMalformedAnswerFollowedByAGoodOneIsScoredOnTheSecondAttempt() {
        server.then(answer("{\"success\": 3, \"coherence\": 1}"), answer("```json\n" + GOOD + "\n```"));

        JudgeResult result = judge(settings(4, Duration.ofSeconds(5))).judge(REQUEST);

        assertThat(result.success()).isEqualTo(1.0);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void a429WithRetryAfterIsRetriedAfterTheServersDelay() {
        server.then(status(429, Map.of("Retry-After", "1")), answer(GOOD));

        JudgeResult result = judge(settings(4, Duration.ofSeconds(5))).judge(REQUEST);

        assertThat(result.success()).isEqualTo(1.0);
        assertThat(retries).singleElement().satisfies(retry -> {
            assertThat(retry.getWaitInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(((OpenAiCallException) retry.getLastThrowable()).status())
                    .isEqualTo(429);
        });
        List<FakeChatServer.Request> requests = server.requests();
        assertThat(requests).hasSize(2);
        // The client slept the header's second before asking again (a lower bound only; no upper one).
        assertThat(requests.get(1).receivedAtNanos() - requests.get(0).receivedAtNanos())
                .isGreaterThanOrEqualTo(Duration.ofMillis(900).toNanos());
    }

    @Test
    void serverErrorsAreRetriedWithJitteredExponentialBackoff() {
        server.then(status(500, Map.of()), status(503, Map.of()), answer(GOOD));

        JudgeResult result = judge(settings(4, Duration.ofSeconds(5))).judge(REQUEST);

        assertThat(result.success()).isEqualTo(1.0);
        assertThat(server.requests()).hasSize(3);
        assertThat(retries).hasSize(2);
        // initial 20 ms doubling, jitter 0.5: the first wait lies in [10, 30] ms, the second in [20, 60] ms.
        assertThat(retries.get(0).getWaitInterval().toMillis()).isBetween(10L, 30L);
        assertThat(retries.get(1).getWaitInterval().toMillis()).isBetween(20L, 60L);
    }

    @Test
    void persistentServerErrorsExhaustTheRetriesAndMakeTheJudgeUnavailable() {
        server.then(status(502, Map.of()));

        assertThatThrownBy(() -> judge(settings(3, Duration.ofSeconds(5))).judge(REQUEST))
                .isInstanceOf(JudgeUnavailableException.class)
                .hasMessageContaining("502");
        assertThat(server.requests()).hasSize(3);
        assertThat(retries).hasSize(2);
    }

    @Test
    void aClientErrorIsNotRetried() {
        server.then(status(400, Map.of()));

        assertThatThrownBy(() -> judge(settings(4, Duration.ofSeconds(5))).judge(REQUEST))
                .isInstanceOf(JudgeUnavailableException.class)
                .hasMessageContaining("400");
        assertThat(server.requests()).hasSize(1);
        assertThat(retries).isEmpty();
    }

    @Test
    void aTimedOutCallIsRetried() {
        server.then(answer(GOOD).delayedBy(Duration.ofSeconds(3)), answer(GOOD));

        JudgeResult result = judge(settings(4, Duration.ofMillis(300))).judge(REQUEST);

        assertThat(result.success()).isEqualTo(1.0);
        assertThat(retries).singleElement().satisfies(retry -> {
            assertThat(retry.getLastThrowable()).isInstanceOf(OpenAiCallException.class);
            assertThat(retry.getLastThrowable().getCause()).isInstanceOf(HttpTimeoutException.class);
        });
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndThenFailsFastWithoutCallingTheServer() {
        server.then(status(500, Map.of()));
        OpenAiJudge judge = judge(settings(2, Duration.ofSeconds(5)));

        // Two questions, two attempts each: four failed calls fill the window (size 4, 50 % threshold).
        assertThatThrownBy(() -> judge.judge(REQUEST)).isInstanceOf(JudgeUnavailableException.class);
        assertThatThrownBy(() -> judge.judge(REQUEST)).isInstanceOf(JudgeUnavailableException.class);
        assertThat(judge.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> judge.judge(REQUEST))
                .isInstanceOf(JudgeUnavailableException.class)
                .hasCauseInstanceOf(CallNotPermittedException.class)
                .hasMessageContaining("circuit open");
        assertThat(server.requests()).hasSize(4);
    }

    private OpenAiJudge judge(OpenAiSettings settings) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        OpenAiJudge judge = new OpenAiJudge(
                new OpenAiChatClient(http, settings.baseUrl(), settings.apiKey(), settings.requestTimeout()),
                settings,
                RubricTemplate.load(RubricTemplate.CURRENT_VERSION));
        judge.retry().getEventPublisher().onRetry(retries::add);
        return judge;
    }

    private OpenAiSettings settings(int maxAttempts, Duration requestTimeout) {
        return new OpenAiSettings(
                server.baseUrl(),
                "judge-model",
                "test-key",
                requestTimeout,
                100,
                maxAttempts,
                Duration.ofMillis(20),
                Duration.ofSeconds(1),
                0.5,
                Duration.ofSeconds(5),
                3,
                4,
                100,
                new OpenAiSettings.CircuitSettings(50f, 4, 4, Duration.ofMinutes(1)));
    }
}
