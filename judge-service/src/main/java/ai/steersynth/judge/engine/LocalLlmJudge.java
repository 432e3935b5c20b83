package ai.steersynth.judge.engine;

import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.engine.chat.ChatMessage;
import ai.steersynth.engine.generate.GenerationRequest;
import ai.steersynth.engine.generate.GenerationRow;
import ai.steersynth.engine.generate.Generator;
import ai.steersynth.engine.generate.SamplingParameters;
import ai.steersynth.engine.tokenizer.TextTokenizer;
import ai.steersynth.judge.domain.Judge;
import ai.steersynth.judge.domain.JudgeRequest;
import ai.steersynth.judge.domain.JudgeResult;
import ai.steersynth.judge.domain.LocalJudgeFactory;
import ai.steersynth.judge.domain.RubricAsking;
import ai.steersynth.judge.domain.RubricTemplate;
import ai.steersynth.judge.domain.UnsupportedJudgeException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rubric judge on a model loaded in the engine: the same versioned templates as the {@code openai}
 * backend, rendered with the judge model's chat template (system, then user) and answered greedily. An
 * unreadable answer is asked again with sampling (temperature {@value #RETRY_TEMPERATURE}, a fixed seed per
 * attempt, so a rerun gives the same answers), since greedy decoding would repeat it word for word; the
 * last unreadable answer is recorded unscored with its text ({@link RubricAsking}).
 */
public final class LocalLlmJudge implements Judge {

    /** Judge ids of this backend are {@code local-llm:<model source>}. */
    public static final String BACKEND = "local-llm";

    static final float RETRY_TEMPERATURE = 0.7f;

    private final JudgeModels models;
    private final ModelSource source;
    private final RubricTemplate rubric;
    private final int maxNewTokens;
    private final int malformedAttempts;

    /**
     * @param models where the judge model is loaded (lazily, once)
     * @param source the judge model
     * @param rubric the rubric templates
     * @param maxNewTokens the answer's token budget
     * @param malformedAttempts answers asked for before an unreadable one is recorded unscored
     */
    public LocalLlmJudge(
            JudgeModels models, ModelSource source, RubricTemplate rubric, int maxNewTokens, int malformedAttempts) {
        this.models = models;
        this.source = source;
        this.rubric = rubric;
        this.maxNewTokens = maxNewTokens;
        this.malformedAttempts = malformedAttempts;
    }

    /**
     * Creates local judges on {@code models}, refusing (as {@link UnsupportedJudgeException}, so samples are
     * recorded unscored with the reason) a model that cannot be loaded here.
     */
    public static LocalJudgeFactory factory(
            JudgeModels models, RubricTemplate rubric, int maxNewTokens, int malformedAttempts) {
        return source -> {
            Optional<String> unavailable = models.unavailableReason(source);
            if (unavailable.isPresent()) {
                throw new UnsupportedJudgeException(BACKEND + ":" + source.asText(), unavailable.get());
            }
            return new LocalLlmJudge(models, source, rubric, maxNewTokens, malformedAttempts);
        };
    }

    @Override
    public String judgeId() {
        return BACKEND + ":" + source.asText();
    }

    @Override
    public String rubricVersion() {
        return rubric.version();
    }

    @Override
    public JudgeResult judge(JudgeRequest request) {
        JudgeModels.LoadedModel loaded = models.get(source);
        TextTokenizer tokenizer = loaded.files().tokenizer();
        String prompt = loaded.files()
                .chatTemplate()
                .render(
                        List.of(ChatMessage.system(rubric.system()), ChatMessage.user(rubric.userMessage(request))),
                        true);
        int[] promptIds = tokenizer.encode(prompt, false);
        Generator generator = new Generator(loaded.model());
        return RubricAsking.judge(malformedAttempts, attempt -> {
            SamplingParameters sampling =
                    attempt == 1 ? SamplingParameters.greedy() : new SamplingParameters(RETRY_TEMPERATURE, 0, 1f);
            GenerationRow row = GenerationRow.of(promptIds, sampling, attempt, maxNewTokens);
            int[] answer = generator
                    .generate(GenerationRequest.of(
                            List.of(row),
                            Arrays.stream(tokenizer.stopTokenIds()).boxed().collect(Collectors.toSet())))
                    .get(0)
                    .tokenIds();
            return tokenizer.decode(answer, true).strip();
        });
    }
}
