package ai.steersynth.judge.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.contracts.sweep.JudgeSettings;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.judge.domain.Judge;
import ai.steersynth.judge.domain.JudgeConcept;
import ai.steersynth.judge.domain.JudgeRegistry;
import ai.steersynth.judge.domain.JudgeRequest;
import ai.steersynth.judge.domain.JudgeResult;
import ai.steersynth.judge.domain.OfflineJudge;
import ai.steersynth.judge.domain.RubricTemplate;
import ai.steersynth.judge.domain.UnsupportedJudgeException;
import ai.steersynth.ml.embedding.SentenceEmbedder;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local-llm judge on a tiny random model, through the registry as a sweep selects it. */
class LocalLlmJudgeTest {

    @TempDir
    static Path directory;

    private static JudgeModels models;
    private static JudgeRegistry registry;

    @BeforeAll
    static void writeModel() throws Exception {
        TinyModel.write(directory, 5);
        models = new JudgeModels("cpu", directory.resolve("cache"));
        registry = new JudgeRegistry(
                new OfflineJudge(new SentenceEmbedder(), 1L),
                (baseUrl, model) -> {
                    throw new AssertionError("no remote judge here");
                },
                LocalLlmJudge.factory(models, RubricTemplate.load(RubricTemplate.CURRENT_VERSION), 12, 3),
                URI.create("http://localhost:1"),
                "unused");
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @Test
    void aModelAnsweringNoiseIsRecordedUnscoredWithItsRawTextAfterEveryAttempt() {
        Judge judge = registry.forSettings(new JudgeSettings("local-llm", directory.toString(), null));
        JudgeRequest request = new JudgeRequest(
                new JudgeConcept("toxicity", "h", "Insulting or hateful language.", List.of()),
                "Reply to this post.",
                "The cat sat on the mat.");

        JudgeResult result = judge.judge(request);

        assertThat(judge.judgeId()).isEqualTo("local-llm:" + directory);
        assertThat(judge.rubricVersion()).isEqualTo(RubricTemplate.CURRENT_VERSION);
        assertThat(result.isScored()).isFalse();
        assertThat(result.success()).isNull();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.unscoredReason()).contains("0/1/2 rubric score", "3 attempts");
        assertThat(result.rawOutput()).isNotBlank();
        assertThat(TinyModel.WORDS).contains(result.rawOutput().split(" ")[0]);
        assertThat(registry.forId(judge.judgeId())).isSameAs(judge);
    }

    @Test
    void aModelThatCannotBeLoadedMakesTheJudgeUnsupportedWithTheReason() {
        assertThatThrownBy(() -> registry.forSettings(new JudgeSettings("local-llm", "hf:org/absent", null)))
                .isInstanceOf(UnsupportedJudgeException.class)
                .hasMessageContaining("hf:org/absent")
                .hasMessageContaining("not in the model cache");
        assertThatThrownBy(() -> registry.forSettings(new JudgeSettings("local-llm", "/no/such/model.gguf", null)))
                .isInstanceOf(UnsupportedJudgeException.class)
                .hasMessageContaining("/no/such/model.gguf");
        assertThatThrownBy(() -> registry.forSettings(new JudgeSettings("local-llm", null, null)))
                .isInstanceOf(UnsupportedJudgeException.class)
                .hasMessageContaining("judge.model");
        assertThat(models.unavailableReason(ModelSource.parse(directory.toString())))
                .isEmpty();
    }
}
