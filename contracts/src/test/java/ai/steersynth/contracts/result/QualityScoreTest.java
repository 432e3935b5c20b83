package ai.steersynth.contracts.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QualityScoreTest {

    @Test
    void harmonicMeanOfThreeAxesMatchesTheFormula() {
        // 3 / (1/0.5 + 1/0.8 + 1/0.4) = 3 / (2 + 1.25 + 2.5) = 0.5217...
        assertThat(QualityScore.of(0.5, 0.8, 0.4).harmonicMean()).isCloseTo(3.0 / 5.75, within(1e-12));
    }

    @Test
    void anAxisAtZeroMakesTheHarmonicMeanZero() {
        assertThat(QualityScore.harmonicMean(0.9, 0.0, 0.9)).isZero();
    }

    @Test
    void equalAxesGiveThatValue() {
        assertThat(QualityScore.harmonicMean(0.7, 0.7, 0.7)).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void axesOutsideTheUnitIntervalAreRejected() {
        assertThatThrownBy(() -> QualityScore.harmonicMean(1.2, 0.5, 0.5)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> QualityScore.harmonicMean(Double.NaN, 0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
