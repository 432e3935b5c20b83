package ai.steersynth.ml.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.ml.stats.ConfidenceInterval;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StratifiedBootstrapTest {

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
        Data data = data(200, 1.0, 1);

        ConfidenceInterval a = new StratifiedBootstrap(500, 0.95, 42).auroc(data.scores, data.labels);
        ConfidenceInterval b = new StratifiedBootstrap(500, 0.95, 42).auroc(data.scores, data.labels);
        ConfidenceInterval c = new StratifiedBootstrap(500, 0.95, 43).auroc(data.scores, data.labels);

        assertThat(b).isEqualTo(a);
        assertThat(c.lower()).isNotEqualTo(a.lower());
    }

    @Test
    void theIntervalSurroundsTheEstimateAndRecordsItsSettings() {
        Data data = data(300, 1.0, 2);

        ConfidenceInterval ci = new StratifiedBootstrap(400, 0.9, 7).auroc(data.scores, data.labels);

        assertThat(ci.estimate()).isEqualTo(Auroc.of(data.scores, data.labels));
        assertThat(ci.lower()).isLessThan(ci.estimate());
        assertThat(ci.upper()).isGreaterThan(ci.estimate());
        assertThat(ci.level()).isEqualTo(0.9);
        assertThat(ci.resamples()).isEqualTo(400);
        assertThat(ci.validResamples()).isEqualTo(400);
        assertThat(ci.seed()).isEqualTo(7);
    }

    @Test
    void moreDataGivesANarrowerInterval() {
        Data small = data(60, 1.0, 3);
        Data large = data(2000, 1.0, 3);
        StratifiedBootstrap bootstrap = new StratifiedBootstrap(300, 0.95, 11);

        assertThat(bootstrap.auroc(large.scores, large.labels).width())
                .isLessThan(bootstrap.auroc(small.scores, small.labels).width() / 2);
    }

    @Test
    void everyResampleKeepsTheClassCounts() {
        // One positive among many negatives: an unstratified resample would often lose it.
        double[] scores = {0.9, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7};
        int[] labels = {1, 0, 0, 0, 0, 0, 0, 0};

        ConfidenceInterval ci = new StratifiedBootstrap(200, 0.95, 1).interval(scores, labels, (s, l) -> {
            int positives = 0;
            for (int label : l) {
                positives += label;
            }
            assertThat(positives).isEqualTo(1);
            assertThat(l).hasSize(8);
            return Auroc.of(s, l);
        });

        assertThat(ci.validResamples()).isEqualTo(200);
    }

    @Test
    void aMissingClassIsAClearError() {
        assertThatThrownBy(() -> StratifiedBootstrap.of(1).auroc(new double[] {1, 2}, new int[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both classes");
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new StratifiedBootstrap(0, 0.95, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StratifiedBootstrap(10, 1.0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private record Data(double[] scores, int[] labels) {}

    /** Positives score N(shift, 1), negatives N(0, 1), half each. */
    private static Data data(int n, double shift, long seed) {
        Random random = new Random(seed);
        double[] scores = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            scores[i] = random.nextGaussian() + shift * labels[i];
        }
        return new Data(scores, labels);
    }
}
