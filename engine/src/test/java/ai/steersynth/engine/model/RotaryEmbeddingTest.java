package ai.steersynth.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RotaryEmbeddingTest {

    @Test
    void inverseFrequenciesFollowTheBasePower() {
        float[] inverse = RotaryEmbedding.inverseFrequencies(64, 10000f, null);
        assertThat(inverse).hasSize(32);
        for (int i = 0; i < 32; i++) {
            assertThat((double) inverse[i]).isCloseTo(Math.pow(10000, -2.0 * i / 64), offset(1e-7 * inverse[0]));
        }
    }

    @Test
    void llama3ScalingStretchesLowFrequenciesAndBlendsTheMiddleBand() {
        ModelConfig.RopeScaling scaling = new ModelConfig.RopeScaling(8f, 1f, 4f, 8192);
        float[] scaled = RotaryEmbedding.inverseFrequencies(128, 500000f, scaling);
        int low = 0;
        int medium = 0;
        int high = 0;
        for (int i = 0; i < 64; i++) {
            // transformers' _compute_llama3_parameters, written out per frequency
            double base = Math.pow(500000, -2.0 * i / 128);
            double wavelength = 2 * Math.PI / base;
            double lowWavelength = 8192 / 1.0;
            double highWavelength = 8192 / 4.0;
            double expected;
            if (wavelength < highWavelength) {
                expected = base;
                high++;
            } else if (wavelength > lowWavelength) {
                expected = base / 8;
                low++;
            } else {
                double smooth = (8192 / wavelength - 1) / (4 - 1);
                expected = (1 - smooth) * base / 8 + smooth * base;
                medium++;
            }
            assertThat((double) scaled[i]).as("frequency " + i).isCloseTo(expected, offset(1e-6 * expected));
        }
        assertThat(low).isPositive();
        assertThat(medium).isPositive();
        assertThat(high).isPositive();
    }

    @Test
    void applyRotatesEachHeadLikeTheScalarRotateHalf() {
        int batch = 2;
        int seq = 5;
        int heads = 3;
        int headSize = 8;
        float[] inverse =
                RotaryEmbedding.inverseFrequencies(headSize, 500000f, new ModelConfig.RopeScaling(8f, 1f, 4f, 16));
        Random random = new Random(5);
        float[] x = new float[batch * seq * heads * headSize];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        int[][] positions = {{0, 1, 2, 3, 4}, {0, 0, 7, 8, 9}};
        float[] cos = new float[batch * seq * headSize];
        float[] sin = new float[batch * seq * headSize];
        for (int b = 0; b < batch; b++) {
            for (int s = 0; s < seq; s++) {
                for (int d = 0; d < headSize; d++) {
                    double angle = positions[b][s] * (double) inverse[d % (headSize / 2)];
                    cos[(b * seq + s) * headSize + d] = (float) Math.cos(angle);
                    sin[(b * seq + s) * headSize + d] = (float) Math.sin(angle);
                }
            }
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray rotated = RotaryEmbedding.apply(
                    manager.create(x, new Shape(batch, seq, heads, headSize)),
                    manager.create(cos, new Shape(batch, seq, 1, headSize)),
                    manager.create(sin, new Shape(batch, seq, 1, headSize)));
            float[] actual = rotated.toFloatArray();
            for (int b = 0; b < batch; b++) {
                for (int s = 0; s < seq; s++) {
                    double[] vector = new double[heads * headSize];
                    int offset = (b * seq + s) * heads * headSize;
                    for (int i = 0; i < vector.length; i++) {
                        vector[i] = x[offset + i];
                    }
                    ScalarLlama.rope(vector, heads, positions[b][s], inverse);
                    for (int i = 0; i < vector.length; i++) {
                        assertThat((double) actual[offset + i]).isCloseTo(vector[i], offset(1e-5));
                    }
                }
            }
        }
    }
}
