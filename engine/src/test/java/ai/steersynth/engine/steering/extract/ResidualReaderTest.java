package ai.steersynth.engine.steering.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.model.ModelConfig;
import ai.steersynth.engine.model.ScalarLlama;
import ai.steersynth.engine.model.SyntheticWeightSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The batched, padded reader against the scalar forward pass read position by position. */
class ResidualReaderTest {

    private static final ModelConfig CONFIG =
            new ModelConfig("llama", 3, 64, 128, 4, 2, 16, 128, 256, 1e-5f, 10000f, null, true, false);

    private static SyntheticWeightSource source;
    private static LlamaModel model;
    private static ScalarLlama reference;

    @BeforeAll
    static void load() {
        source = new SyntheticWeightSource(CONFIG);
        model = LlamaModel.load(source, Device.cpu());
        reference = new ScalarLlama(source);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** The scalar pass's mean residual and mean residual norm over {@code [from, length)} at {@code layer}. */
    private static double[] referenceReading(EncodedText text, int layer) {
        double[] sum = new double[CONFIG.hiddenSize() + 1]; // mean vector, then mean norm
        reference.logits(text.tokenIds(), (l, position, hidden) -> {
            if (l != layer || position < text.readFrom()) {
                return;
            }
            double squares = 0;
            for (int h = 0; h < hidden.length; h++) {
                sum[h] += hidden[h];
                squares += hidden[h] * hidden[h];
            }
            sum[hidden.length] += Math.sqrt(squares);
        });
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= text.readCount();
        }
        return sum;
    }

    @Test
    void meansAndNormsOverReadRangesMatchTheScalarForwardPassInPaddedBatches() {
        Random random = new Random(5);
        int[][] shapes = {{9, 4}, {3, 2}, {12, 11}, {5, 0}, {1, 0}};
        List<EncodedText> texts = new ArrayList<>();
        for (int[] shape : shapes) {
            texts.add(new EncodedText(
                    random.ints(shape[0], 0, CONFIG.vocabularySize()).toArray(), shape[1]));
        }
        // batch size 2: rows of different lengths share batches and get left padding
        List<ResidualReader.Reading> readings = new ResidualReader(model, 2).read(texts, 2, 0);
        for (int t = 0; t < texts.size(); t++) {
            for (int layer : new int[] {0, 2}) {
                double[] expected = referenceReading(texts.get(t), layer);
                float[] mean = readings.get(t).meanByLayer().get(layer);
                for (int h = 0; h < mean.length; h++) {
                    assertThat((double) mean[h])
                            .as("text %d layer %d unit %d", t, layer, h)
                            .isCloseTo(expected[h], within(1e-4 * (1 + Math.abs(expected[h]))));
                }
                assertThat(readings.get(t).meanNormByLayer().get(layer))
                        .isCloseTo(expected[CONFIG.hiddenSize()], within(1e-4 * expected[CONFIG.hiddenSize()]));
            }
            assertThat(readings.get(t).positions()).isEqualTo(texts.get(t).readCount());
            assertThat(readings.get(t).meanByLayer()).containsOnlyKeys(0, 2);
        }
    }

    @Test
    void aLayerOutsideTheModelIsRefused() {
        EncodedText text = new EncodedText(new int[] {1, 2}, 0);
        assertThatThrownBy(() -> new ResidualReader(model, 4).read(List.of(text), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 3 outside");
    }
}
