package ai.steersynth.ml.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AurocTest {

    @Test
    void perfectRankingIsOneAndReversedIsZero() {
        int[] labels = {0, 0, 1, 1};

        assertThat(Auroc.of(new double[] {0.1, 0.2, 0.8, 0.9}, labels)).isEqualTo(1.0);
        assertThat(Auroc.of(new double[] {0.9, 0.8, 0.2, 0.1}, labels)).isEqualTo(0.0);
    }

    @Test
    void aTieBetweenAPositiveAndANegativeCountsOneHalf() {
        // Pairs (pos, neg): (0.5 vs 0.5) = 1/2, (0.5 vs 0.1) = 1, (0.9 vs 0.5) = 1, (0.9 vs 0.1) = 1.
        double auroc = Auroc.of(new double[] {0.5, 0.9, 0.5, 0.1}, new int[] {1, 1, 0, 0});

        assertThat(auroc).isEqualTo(3.5 / 4);
    }

    @Test
    void allEqualScoresGiveExactlyOneHalf() {
        assertThat(Auroc.of(new double[] {2, 2, 2, 2, 2}, new int[] {1, 0, 0, 1, 0}))
                .isEqualTo(0.5);
    }

    @Test
    void negativeAndPositiveZeroAreTied() {
        assertThat(Auroc.of(new double[] {-0.0, 0.0}, new int[] {1, 0})).isEqualTo(0.5);
        assertThat(Auroc.of(new double[] {0.0, -0.0}, new int[] {1, 0})).isEqualTo(0.5);
    }

    @Test
    void agreesWithCountingEveryPositiveNegativePair() {
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + random.nextInt(60);
            double[] scores = new double[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(8); // coarse, so many ties
                labels[i] = i < 2 ? i : random.nextInt(2);
            }
            assertThat(Auroc.of(scores, labels)).isCloseTo(pairwise(scores, labels), within(1e-15));
        }
    }

    @Test
    void isUnchangedByAStrictlyIncreasingTransformOfTheScores() {
        double[] scores = {0.3, -1.2, 2.5, 0.3, 0.9, -0.4};
        int[] labels = {1, 0, 1, 0, 1, 0};
        double[] transformed = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            transformed[i] = Math.exp(3 * scores[i]) + 7;
        }

        assertThat(Auroc.of(transformed, labels)).isEqualTo(Auroc.of(scores, labels));
    }

    @Test
    void aMissingClassIsAClearError() {
        assertThatThrownBy(() -> Auroc.of(new double[] {0.1, 0.2}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both classes")
                .hasMessageContaining("0 negatives");
        assertThatThrownBy(() -> Auroc.of(new double[] {0.1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 positives");
    }

    @Test
    void malformedInputIsRejected() {
        assertThatThrownBy(() -> Auroc.of(new double[] {0.1, 0.2}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Auroc.of(new double[] {Double.NaN, 0.2}, new int[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> Auroc.of(new double[] {0.1, 0.2}, new int[] {2, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 or 1");
    }

    private static double pairwise(double[] scores, int[] labels) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (labels[i] == 1 && labels[j] == 0) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }
}
