package ai.steersynth.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.steersynth.engine.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The default model (SmolLM2-135M-Instruct, Q4_1 GGUF) against transformers' logits for the same
 * dequantised weights. Needs {@code STEERSYNTH_TEST_MODEL} pointing at the GGUF
 * ({@code bash ../shared/tools/fetch-model.sh} prints its path); skipped otherwise.
 */
class SmolLm2ReferenceLogitsTest {

    private static ModelFiles files;
    private static LlamaModel model;
    private static JsonNode fixture;

    @BeforeAll
    static void load() throws IOException {
        String configured = System.getenv("STEERSYNTH_TEST_MODEL");
        assumeTrue(
                configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured)),
                "STEERSYNTH_TEST_MODEL is unset or not a file; set it to the SmolLM2-135M-Instruct Q4_1 GGUF"
                        + " (bash ../shared/tools/fetch-model.sh prints the path) to run the reference-logit test");
        fixture = ReferenceLogitsTest.readFixture("/reference/smollm2-gguf-logits.json");
        files = ModelFiles.open(Path.of(configured));
        model = LlamaModel.load(files.weights(), Device.cpu());
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
        if (files != null) {
            files.close();
        }
    }

    @Test
    void nextTokenLogitsMatchTransformersForEachPrompt() {
        int checked = 0;
        for (JsonNode prompt : fixture.get("prompts")) {
            int[] ids = ReferenceLogitsTest.ids(prompt.get("ids"));
            float[] expected = ReferenceLogitsTest.decodeLogits(
                    prompt.get("logits_f32le_base64").asString());
            float[] actual = LlamaModelTest.forwardOnce(model, new int[][] {ids})[0];
            ReferenceLogitsTest.assertMatchesReference(prompt.get("text").asString(), actual, expected);
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void theFixturePromptsBatchedTogetherMatchTransformersToo() {
        JsonNode prompts = fixture.get("prompts");
        int[][] ids = new int[prompts.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ReferenceLogitsTest.ids(prompts.get(i).get("ids"));
        }
        float[][] actual = LlamaModelTest.forwardOnce(model, ids);
        for (int i = 0; i < ids.length; i++) {
            float[] expected = ReferenceLogitsTest.decodeLogits(
                    prompts.get(i).get("logits_f32le_base64").asString());
            ReferenceLogitsTest.assertMatchesReference("batched " + i, actual[i], expected);
        }
    }

    @Test
    void theTokenizerGivesTheReferencePromptIds() {
        for (JsonNode prompt : fixture.get("prompts")) {
            assertThat(files.tokenizer().encode(prompt.get("text").asString(), true))
                    .as(prompt.get("text").asString())
                    .containsExactly(ReferenceLogitsTest.ids(prompt.get("ids")));
        }
    }
}
