package ai.steersynth.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.steersynth.engine.model.ModelConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The default model read through GgufWeightSource against transformers' GGUF loader (scripts/reference). */
class GgufWeightSourceModelTest {

    @Test
    void smolLm2ConfigMatchesItsConfigJson() {
        try (GgufWeightSource source = GgufWeightSource.open(TestModels.defaultModel())) {
            assertThat(source.config())
                    .isEqualTo(new ModelConfig(
                            "llama", 30, 576, 1536, 9, 3, 64, 49_152, 8192, 1e-5f, 100_000f, null, true, false));
            assertThat(source.tensorNames()).hasSize(272).doesNotContain("lm_head.weight");
            assertThat(source.contentHash()).hasSize(64);
        }
    }

    @Test
    void tensorsEqualWhatTransformersLoadsFromTheSameFile() throws IOException {
        JsonNode reference = GgmlDequantizerTest.readFixture("/weights/smollm2-tensor-reference.json");
        try (GgufWeightSource source = GgufWeightSource.open(TestModels.defaultModel())) {
            for (Map.Entry<String, JsonNode> tensor : reference.properties()) {
                String name = tensor.getKey();
                JsonNode expected = tensor.getValue();
                long[] shape = source.shape(name);
                ByteBuffer buffer = source.float32(name);
                float[] values = GgufWeightSourceTest.floats(buffer);

                assertThat(shape).as(name).containsExactly(longs(expected.get("shape")));
                assertThat(values).as(name).hasSize((int) product(shape));
                double sum = 0;
                double absoluteSum = 0;
                for (float value : values) {
                    sum += value;
                    absoluteSum += Math.abs(value);
                }
                double absoluteSumExpected = expected.get("absoluteSum").asDouble();
                // summation order differs from numpy's pairwise sum; the values themselves are compared exactly below
                assertThat(sum)
                        .as(name + " sum")
                        .isCloseTo(expected.get("sum").asDouble(), within(1e-6 * absoluteSumExpected));
                assertThat(absoluteSum)
                        .as(name + " |sum|")
                        .isCloseTo(absoluteSumExpected, within(1e-6 * absoluteSumExpected));
                JsonNode head = expected.get("head");
                for (int i = 0; i < head.size(); i++) {
                    assertThat(values[i]).as(name + "[" + i + "]").isEqualTo((float)
                            head.get(i).asDouble());
                }
                int columns = shape.length == 2 ? (int) shape[1] : 0;
                for (Map.Entry<String, JsonNode> row : expected.get("rows").properties()) {
                    int rowIndex = Integer.parseInt(row.getKey());
                    for (int c = 0; c < row.getValue().size(); c++) {
                        assertThat(values[rowIndex * columns + c])
                                .as("%s row %d column %d", name, rowIndex, c)
                                .isEqualTo((float) row.getValue().get(c).asDouble());
                    }
                }
            }
        }
    }

    private static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }

    private static long product(long[] shape) {
        long product = 1;
        for (long d : shape) {
            product *= d;
        }
        return product;
    }
}
