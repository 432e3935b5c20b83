package ai.steersynth.ml.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpearmanCorrelationTest {

    @Test
    void anyIncreasingRelationIsOneAndDecreasingMinusOne() {
        double[] x = {1, 2, 3, 4, 5};

        assertThat(SpearmanCorrelation.of(x, new double[] {1, 8, 27, 64, 125})).isCloseTo(1.0, within(1e-15));
        assertThat(SpearmanCorrelation.of(x, new double[] {5, 3, 2, 0, -9})).isCloseTo(-1.0, within(1e-15));
    }

    @Test
    void aConstantSideMakesItUndefined() {
        assertThat(SpearmanCorrelation.of(new double[] {1, 2, 3}, new double[] {4, 4, 4}))
                .isNaN();
    }

    @Test
    void theBootstrapIsSeededAndSurroundsTheEstimate() {
        Random random = new Random(1);
        double[] x = new double[60];
        double[] y = new double[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
            y[i] = x[i] + random.nextGaussian();
        }

        ConfidenceInterval a = SpearmanCorrelation.withBootstrap(x, y, 500, 0.95, 17);
        ConfidenceInterval b = SpearmanCorrelation.withBootstrap(x, y, 500, 0.95, 17);

        assertThat(b).isEqualTo(a);
        assertThat(a.estimate()).isEqualTo(SpearmanCorrelation.of(x, y));
        assertThat(a.lower()).isLessThan(a.estimate()).isGreaterThan(0);
        assertThat(a.upper()).isGreaterThan(a.estimate()).isLessThanOrEqualTo(1);
    }

    @Test
    void bootstrapResamplesWithAConstantSideAreLeftOut() {
        // Two pairs: a resample drawing the same pair twice has a constant side.
        ConfidenceInterval ci =
                SpearmanCorrelation.withBootstrap(new double[] {1, 2}, new double[] {1, 2}, 200, 0.95, 5);

        assertThat(ci.validResamples()).isLessThan(200).isGreaterThan(0);
        assertThat(ci.lower()).isEqualTo(1.0);
    }

    @Test
    void malformedInputIsRejected() {
        assertThatThrownBy(() -> SpearmanCorrelation.of(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpearmanCorrelation.of(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpearmanCorrelation.of(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
