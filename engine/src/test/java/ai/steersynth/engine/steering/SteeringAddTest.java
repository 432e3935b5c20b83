package ai.steersynth.engine.steering;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SteeringAddTest {

    @Test
    void addsEachRowsScaledVectorAtItsWeightedPositionsExactly() {
        int batch = 3;
        int seq = 4;
        int hidden = 16;
        Random random = new Random(6);
        float[] x = new float[batch * seq * hidden];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] weights = new float[batch * seq];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextBoolean() ? 1f : 0f;
        }
        float[] strengths = {2.5f, 0f, -4f};
        float[] scaled = new float[batch * hidden];
        float[][] vectors = new float[batch][hidden];
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < hidden; h++) {
                vectors[b][h] = (float) random.nextGaussian();
                scaled[b * hidden + h] = strengths[b] * vectors[b][h];
            }
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray hiddenStates = manager.create(x, new Shape(batch, seq, hidden));
            NDArray result = SteeringAdd.addInPlace(
                    hiddenStates,
                    manager.create(weights, new Shape(batch, seq, 1)),
                    manager.create(scaled, new Shape(batch, 1, hidden)));
            assertThat(result).isSameAs(hiddenStates);
            float[] actual = result.toFloatArray();
            for (int b = 0; b < batch; b++) {
                for (int s = 0; s < seq; s++) {
                    for (int h = 0; h < hidden; h++) {
                        int i = (b * seq + s) * hidden + h;
                        float expected = x[i] + weights[b * seq + s] * (strengths[b] * vectors[b][h]);
                        assertThat(actual[i]).isEqualTo(expected);
                    }
                }
            }
            // the zero-strength row and the unweighted positions come back bit for bit
            for (int i = seq * hidden; i < 2 * seq * hidden; i++) {
                assertThat(Float.floatToIntBits(actual[i])).isEqualTo(Float.floatToIntBits(x[i]));
            }
        }
    }
}
