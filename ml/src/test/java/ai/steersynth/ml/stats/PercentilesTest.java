package ai.steersynth.ml.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void interpolatesLinearlyBetweenOrderStatisticsLikeNumpy() {
        double[] values = {4, 1, 3, 2};

        // numpy.quantile([1, 2, 3, 4], [0, 0.25, 0.5, 0.975, 1]) = [1, 1.75, 2.5, 3.925, 4]
        assertThat(Percentiles.quantile(values, 0)).isEqualTo(1.0);
        assertThat(Percentiles.quantile(values, 0.25)).isEqualTo(1.75);
        assertThat(Percentiles.quantile(values, 0.5)).isEqualTo(2.5);
        assertThat(Percentiles.quantile(values, 0.975)).isCloseTo(3.925, within(1e-12));
        assertThat(Percentiles.quantile(values, 1)).isEqualTo(4.0);
        assertThat(values).containsExactly(4, 1, 3, 2);
    }

    @Test
    void anIntervalLeavesOutUndefinedReplicates() {
        ConfidenceInterval ci = Percentiles.interval(0.5, new double[] {Double.NaN, 0, 1, Double.NaN, 2}, 0.5, 3);

        assertThat(ci.validResamples()).isEqualTo(3);
        assertThat(ci.resamples()).isEqualTo(5);
        assertThat(ci.lower()).isEqualTo(0.5);
        assertThat(ci.upper()).isEqualTo(1.5);
    }

    @Test
    void anIntervalOfOnlyUndefinedReplicatesIsNaN() {
        ConfidenceInterval ci = Percentiles.interval(0.5, new double[] {Double.NaN}, 0.95, 3);

        assertThat(ci.lower()).isNaN();
        assertThat(ci.upper()).isNaN();
        assertThat(ci.validResamples()).isZero();
    }
}
