package ai.steersynth.ml.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AveragePrecisionTest {

    @Test
    void sumsPrecisionAtEachRecallStep() {
        // Ranked: 0.8 (pos) P=1 R=1/2; 0.4 (neg); 0.35 (pos) P=2/3 R=1. AP = 1/2 * 1 + 1/2 * 2/3.
        double ap = AveragePrecision.of(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1});

        assertThat(ap).isCloseTo(0.5 + 1.0 / 3, within(1e-15));
    }

    @Test
    void tiedScoresEnterTogether() {
        // One threshold holds everything: precision = prevalence, recall jumps 0 -> 1.
        assertThat(AveragePrecision.of(new double[] {1, 1, 1, 1}, new int[] {1, 0, 0, 0}))
                .isEqualTo(0.25);
    }

    @Test
    void aPerfectRankingScoresOne() {
        assertThat(AveragePrecision.of(new double[] {3, 2, 1}, new int[] {1, 1, 0}))
                .isEqualTo(1.0);
    }

    @Test
    void noPositiveIsAClearError() {
        assertThatThrownBy(() -> AveragePrecision.of(new double[] {1, 2}, new int[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
