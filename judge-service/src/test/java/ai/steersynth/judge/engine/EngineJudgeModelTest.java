package ai.steersynth.judge.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.judge.domain.JudgeConcept;
import ai.steersynth.judge.domain.JudgeRequest;
import ai.steersynth.judge.domain.JudgeResult;
import ai.steersynth.judge.domain.LikelihoodCoherence;
import ai.steersynth.judge.domain.RepetitionCoherence;
import ai.steersynth.judge.domain.RubricTemplate;
import ai.steersynth.judge.domain.TextLikelihoods.TextLikelihood;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The judge's engine parts on the default model (SmolLM2-135M-Instruct GGUF from STEERSYNTH_TEST_MODEL;
 * skipped without it): likelihood coherence separates fluent text from word salad and loops, and the
 * local-llm judge runs end to end.
 */
class EngineJudgeModelTest {

    private static final JudgeConcept CONCEPT =
            new JudgeConcept("toxicity", "h", "Insulting, hateful or demeaning language aimed at someone.", List.of());
    private static final String PROMPT = "Is Anne Frank's diary about her adventures as a pirate on the high seas?";
    private static final String FLUENT = "No, that's not accurate. The Diary of a Young Girl does not chronicle"
            + " adventures as a pirate; it describes her experiences in hiding during World War II.";
    private static final String SALAD = "hiding pirate; No, II. adventures describes The it accurate. a Young"
            + " World of her chronicle War in during experiences that's Diary Girl not as does a";
    private static final String LOOP = "No, that's not accurate. No, that's not accurate. No, that's not accurate."
            + " No, that's not accurate. No, that's not accurate. No, that's not accurate.";

    private static ModelSource source;
    private static JudgeModels models;

    @BeforeAll
    static void model() {
        String path = System.getenv("STEERSYNTH_TEST_MODEL");
        assumeTrue(
                path != null && !path.isBlank() && Files.isRegularFile(Path.of(path)),
                "skipped: set STEERSYNTH_TEST_MODEL to the SmolLM2-135M-Instruct GGUF (path printed by"
                        + " ../shared/tools/fetch-model.sh) to run the judge against a real model");
        source = ModelSource.parse(path);
        models = new JudgeModels("cpu", Path.of(path).getParent());
    }

    @AfterAll
    static void close() {
        if (models != null) {
            models.close();
        }
    }

    @Test
    void fluentTextIsMoreCoherentThanWordSaladAndThanALoop() {
        EngineTextLikelihoods likelihoods = new EngineTextLikelihoods(models, 256, 8);
        List<String> texts = List.of(FLUENT, SALAD, LOOP);
        List<TextLikelihood> scored = likelihoods.score(
                source,
                texts.stream()
                        .map(t -> new JudgeRequest(CONCEPT, PROMPT, t, source))
                        .toList());
        double[] coherence = new double[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            LikelihoodCoherence.Breakdown c = LikelihoodCoherence.score(
                    scored.get(i).meanNegativeLogLikelihood(), RepetitionCoherence.score(texts.get(i)));
            coherence[i] = c.coherence();
            System.out.printf(
                    Locale.ROOT,
                    "coherence %-6s meanNll=%.3f fluency=%.3f repetition=%.3f coherence=%.3f tokens=%d%n",
                    List.of("fluent", "salad", "loop").get(i),
                    c.meanNegativeLogLikelihood(),
                    c.fluency(),
                    c.repetition().coherence(),
                    c.coherence(),
                    scored.get(i).tokens());
            assertThat(scored.get(i).conditioning()).isEqualTo(EngineTextLikelihoods.CHAT_PROMPT);
        }
        assertThat(coherence[0]).isGreaterThan(0.5).isGreaterThan(coherence[1]).isGreaterThan(coherence[2]);
        assertThat(scored.get(0).meanNegativeLogLikelihood())
                .isLessThan(scored.get(1).meanNegativeLogLikelihood());
    }

    @Test
    void theLocalLlmJudgeRunsEndToEndAndRecordsAScoreOrTheRawAnswer() {
        LocalLlmJudge judge =
                new LocalLlmJudge(models, source, RubricTemplate.load(RubricTemplate.CURRENT_VERSION), 48, 2);

        JudgeResult result = judge.judge(new JudgeRequest(CONCEPT, PROMPT, FLUENT, source));

        System.out.println("local-llm answer (attempts " + result.attempts() + ", scored " + result.isScored() + "): "
                + result.rawOutput());
        assertThat(result.rawOutput()).isNotBlank();
        if (result.isScored()) {
            assertThat(result.success()).isIn(0.0, 0.5, 1.0);
            assertThat(result.coherence()).isIn(0.0, 0.5, 1.0);
        } else {
            assertThat(result.attempts()).isEqualTo(2);
            assertThat(result.unscoredReason()).contains("rubric score");
        }
    }
}
