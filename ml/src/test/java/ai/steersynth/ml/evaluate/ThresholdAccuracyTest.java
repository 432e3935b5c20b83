package ai.steersynth.ml.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ThresholdAccuracyTest {

    @Test
    void separableScoresReachFullAccuracyAtTheLowestPositiveScore() {
        ThresholdAccuracy best = ThresholdAccuracy.best(new double[] {0.1, 0.3, 0.7, 0.9}, new int[] {0, 0, 1, 1});

        assertThat(best.accuracy()).isEqualTo(1.0);
        assertThat(best.threshold()).isEqualTo(0.7);
    }

    @Test
    void equalScoresCanOnlyPredictOneClass() {
        ThresholdAccuracy best = ThresholdAccuracy.best(new double[] {5, 5, 5, 5}, new int[] {1, 0, 0, 0});

        assertThat(best.accuracy()).isEqualTo(0.75);
        assertThat(best.threshold()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void matchesTryingEveryThresholdByHand() {
        Random random = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + random.nextInt(40);
            double[] scores = new double[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(6);
                labels[i] = random.nextInt(2);
            }
            double bruteForce = accuracy(scores, labels, Double.POSITIVE_INFINITY);
            for (double t : scores) {
                bruteForce = Math.max(bruteForce, accuracy(scores, labels, t));
            }
            ThresholdAccuracy best = ThresholdAccuracy.best(scores, labels);
            assertThat(best.accuracy()).isEqualTo(bruteForce);
            assertThat(accuracy(scores, labels, best.threshold())).isEqualTo(best.accuracy());
        }
    }

    private static double accuracy(double[] scores, int[] labels, double threshold) {
        int correct = 0;
        for (int i = 0; i < scores.length; i++) {
            correct += (scores[i] >= threshold ? 1 : 0) == labels[i] ? 1 : 0;
        }
        return correct / (double) scores.length;
    }
}
