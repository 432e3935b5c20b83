package ai.steersynth.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Whole-model logits against Hugging Face transformers for bit-identical synthetic weights
 * (fixtures from scripts/reference/engine_reference_logits.py).
 */
class ReferenceLogitsTest {

    static final double TOLERANCE = 2e-3;

    private static final Map<String, ModelConfig> CONFIGS = Map.of(
            "tinyLlama", SyntheticWeightSource.tinyLlama(),
            "tinyLlama3", SyntheticWeightSource.tinyLlama3(),
            "tinyQwen2", SyntheticWeightSource.tinyQwen2());

    @Test
    void syntheticLlamaLlama3AndQwen2LogitsMatchTransformers() throws IOException {
        JsonNode fixture = readFixture("/reference/synthetic-logits.json");
        List<String> checked = new ArrayList<>();
        for (JsonNode model : fixture.get("models")) {
            String name = model.get("name").asString();
            try (LlamaModel llama = LlamaModel.load(new SyntheticWeightSource(CONFIGS.get(name)), Device.cpu())) {
                List<int[]> prompts = new ArrayList<>();
                List<float[]> expected = new ArrayList<>();
                for (JsonNode prompt : model.get("prompts")) {
                    prompts.add(ids(prompt.get("ids")));
                    expected.add(decodeLogits(prompt.get("logits_f32le_base64").asString()));
                }
                // each prompt alone, then all of them as one left-padded batch
                for (int i = 0; i < prompts.size(); i++) {
                    float[] alone = LlamaModelTest.forwardOnce(llama, new int[][] {prompts.get(i)})[0];
                    assertMatchesReference(name + " prompt " + i, alone, expected.get(i));
                }
                float[][] batched = LlamaModelTest.forwardOnce(llama, prompts.toArray(new int[0][]));
                for (int i = 0; i < prompts.size(); i++) {
                    assertMatchesReference(name + " batched prompt " + i, batched[i], expected.get(i));
                }
            }
            checked.add(name);
        }
        assertThat(checked).containsExactlyInAnyOrder("tinyLlama", "tinyLlama3", "tinyQwen2");
    }

    static void assertMatchesReference(String what, float[] actual, float[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        System.out.printf("%s: max |logit difference| %.2e%n", what, worst);
        assertThat(worst).as(what + ": max |logit difference|").isLessThanOrEqualTo(TOLERANCE);
        assertThat(topK(actual, 10)).as(what + ": top-10 order").containsExactly(topK(expected, 10));
    }

    static int[] topK(float[] logits, int k) {
        return IntStream.range(0, logits.length)
                .boxed()
                .sorted((a, b) -> Float.compare(logits[b], logits[a]))
                .limit(k)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    static JsonNode readFixture(String resource) throws IOException {
        try (InputStream in = ReferenceLogitsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("fixture " + resource).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    static int[] ids(JsonNode array) {
        int[] ids = new int[array.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = array.get(i).asInt();
        }
        return ids;
    }

    static float[] decodeLogits(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] logits = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(logits);
        return logits;
    }
}
