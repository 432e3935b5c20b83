package ai.steersynth.judge.config;

import ai.steersynth.judge.client.OpenAiChatClient;
import ai.steersynth.judge.client.OpenAiJudge;
import ai.steersynth.judge.client.OpenAiSettings;
import ai.steersynth.judge.domain.JudgeRegistry;
import ai.steersynth.judge.domain.OfflineJudge;
import ai.steersynth.judge.domain.RubricTemplate;
import ai.steersynth.judge.domain.TextLikelihoods;
import ai.steersynth.judge.engine.EngineTextLikelihoods;
import ai.steersynth.judge.engine.JudgeModels;
import ai.steersynth.judge.engine.LocalLlmJudge;
import ai.steersynth.ml.embedding.SentenceEmbedder;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the judge backends from {@link JudgeProperties}. */
@Configuration(proxyBeanMethods = false)
class JudgeConfiguration {

    @Bean
    SentenceEmbedder sentenceEmbedder() {
        return new SentenceEmbedder();
    }

    /** Closed (models freed) when the context closes. */
    @Bean
    JudgeModels judgeModels(JudgeProperties properties) {
        return new JudgeModels(properties.engine().device(), properties.engine().modelCache());
    }

    @Bean
    OfflineJudge offlineJudge(SentenceEmbedder embedder, JudgeModels models, JudgeProperties properties) {
        JudgeProperties.Engine e = properties.engine();
        TextLikelihoods likelihoods = e.likelihood()
                ? new EngineTextLikelihoods(models, e.likelihoodMaxTokens(), e.likelihoodBatchSize())
                : TextLikelihoods.NONE;
        return new OfflineJudge(embedder, properties.offlineSeed(), likelihoods);
    }

    @Bean
    JudgeRegistry judgeRegistry(OfflineJudge offline, JudgeModels models, JudgeProperties properties) {
        JudgeProperties.OpenAi o = properties.openai();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(o.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        OpenAiSettings defaults = new OpenAiSettings(
                o.baseUrl(),
                o.defaultModel(),
                o.apiKey(),
                o.requestTimeout(),
                o.maxTokens(),
                o.maxAttempts(),
                o.initialBackoff(),
                o.maxBackoff(),
                o.jitter(),
                o.maxRetryAfter(),
                o.malformedAttempts(),
                o.maxConcurrentRequests(),
                o.requestsPerSecond(),
                new OpenAiSettings.CircuitSettings(
                        o.circuitFailureRatePercent(), o.circuitWindow(), o.circuitMinimumCalls(), o.circuitOpenFor()));
        RubricTemplate rubric = RubricTemplate.load(RubricTemplate.CURRENT_VERSION);
        return new JudgeRegistry(
                offline,
                (baseUrl, model) -> {
                    OpenAiSettings settings = defaults.withEndpoint(baseUrl, model);
                    return new OpenAiJudge(
                            new OpenAiChatClient(http, baseUrl, o.apiKey(), o.requestTimeout()), settings, rubric);
                },
                LocalLlmJudge.factory(
                        models,
                        rubric,
                        properties.engine().localMaxNewTokens(),
                        properties.engine().localMalformedAttempts()),
                o.baseUrl(),
                o.defaultModel());
    }
}
