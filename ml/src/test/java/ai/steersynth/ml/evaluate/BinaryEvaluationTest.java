package ai.steersynth.ml.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BinaryEvaluationTest {

    @Test
    void bundlesTheMetricsOfOneTestSet() {
        double[] scores = {0.1, 0.4, 0.35, 0.8, 0.2, 0.7};
        int[] labels = {0, 0, 1, 1, 0, 1};

        BinaryEvaluation evaluation = BinaryEvaluation.of(scores, labels, new StratifiedBootstrap(100, 0.95, 9));

        assertThat(evaluation.examples()).isEqualTo(6);
        assertThat(evaluation.positives()).isEqualTo(3);
        assertThat(evaluation.auroc().estimate()).isEqualTo(Auroc.of(scores, labels));
        assertThat(evaluation.averagePrecision()).isEqualTo(AveragePrecision.of(scores, labels));
        assertThat(evaluation.bestThreshold()).isEqualTo(ThresholdAccuracy.best(scores, labels));
    }
}
