package ai.steersynth.trainer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.ml.evaluate.Auroc;
import ai.steersynth.ml.evaluate.AveragePrecision;
import ai.steersynth.ml.evaluate.StratifiedBootstrap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DetectorEvaluatorTest {

    /**
     * A transparent detector for checking the evaluation arithmetic: it scores a text 1 if it was a training
     * positive, 0 if it was a training negative, and its length in characters otherwise.
     */
    private static final class LookupDetector implements Detector {
        @Override
        public String kind() {
            return "lookup";
        }

        @Override
        public TrainedDetector train(TrainingSet set) {
            Set<String> positives = new HashSet<>();
            Set<String> negatives = new HashSet<>();
            for (LabelledText e : set.examples()) {
                (e.label() == 1 ? positives : negatives).add(e.text());
            }
            return new TrainedDetector() {
                @Override
                public String kind() {
                    return "lookup";
                }

                @Override
                public double[] score(List<String> texts) {
                    return texts.stream()
                            .mapToDouble(t -> positives.contains(t) ? 1 : negatives.contains(t) ? 0 : t.length())
                            .toArray();
                }

                @Override
                public Map<String, String> parameters() {
                    return Map.of("positives", Integer.toString(positives.size()));
                }
            };
        }
    }

    private static final List<LabelledExample> TRAIN = List.of(
            new LabelledExample(null, "p1", 1),
            new LabelledExample(null, "p2", 1),
            new LabelledExample(null, "n1", 0),
            new LabelledExample(null, "n2", 0));

    private static final List<LabelledExample> TEST = List.of(
            new LabelledExample(null, "aaaa", 1),
            new LabelledExample(null, "aa", 1),
            new LabelledExample(null, "aaa", 0),
            new LabelledExample(null, "a", 0),
            new LabelledExample(null, "aa", 0));

    @Test
    void aRunScoresTheTestSplitAndReportsTheMetricsOfThoseScores() {
        TrainingSet set = new TrainingSetBuilder(TRAIN, 2, 5).original();
        double[] scores = {4, 2, 3, 1, 2};
        int[] labels = {1, 1, 0, 0, 0};

        DetectorRunResult run = new DetectorEvaluator(300, 0.95).evaluate(new LookupDetector(), set, TEST);

        assertThat(run.detectorKind()).isEqualTo("lookup");
        assertThat(run.composition()).isEqualTo(set.composition());
        assertThat(run.detectorParameters()).containsEntry("positives", "2");
        assertThat(run.auroc()).isEqualTo(Auroc.of(scores, labels)).isEqualTo((1 + 1 + 1 + 0 + 1 + 0.5) / 6);
        assertThat(run.evaluation().averagePrecision()).isEqualTo(AveragePrecision.of(scores, labels));
        assertThat(run.evaluation().auroc()).isEqualTo(new StratifiedBootstrap(300, 0.95, 5).auroc(scores, labels));
        assertThat(run.evaluation().bestThreshold().accuracy()).isEqualTo(0.8);
    }

    @Test
    void severalSeedsGiveOneRunEachWithMeanAndSampleStandardDeviation() {
        Detector detector = new LookupDetector();
        List<LabelledExample> test = List.of(
                new LabelledExample(null, "p1", 1),
                new LabelledExample(null, "n1", 0),
                new LabelledExample(null, "zz", 1),
                new LabelledExample(null, "z", 0));
        // Budget 1: each seed trains on one positive and one negative, so "p1"/"n1" score 1/0 only when drawn.
        SeededEvaluation result = new DetectorEvaluator(50, 0.9)
                .evaluateSeeds(
                        detector, s -> new TrainingSetBuilder(TRAIN, 1, s).original(), List.of(1L, 2L, 3L), test);

        assertThat(result.runs()).hasSize(3);
        assertThat(result.runs()).extracting(r -> r.composition().seed()).containsExactly(1L, 2L, 3L);
        double[] aurocs =
                result.runs().stream().mapToDouble(DetectorRunResult::auroc).toArray();
        double mean = (aurocs[0] + aurocs[1] + aurocs[2]) / 3;
        double variance = 0;
        for (double a : aurocs) {
            variance += (a - mean) * (a - mean) / 2;
        }
        assertThat(result.auroc().mean()).isCloseTo(mean, within(1e-15));
        assertThat(result.auroc().standardDeviation()).isCloseTo(Math.sqrt(variance), within(1e-15));
        assertThat(result.auroc().count()).isEqualTo(3);
    }

    @Test
    void aTrainingSetBuiltWithAnotherSeedIsRejected() {
        assertThatThrownBy(() -> DetectorEvaluator.defaults()
                        .evaluateSeeds(
                                new LookupDetector(),
                                s -> new TrainingSetBuilder(TRAIN, 2, 99).original(),
                                List.of(1L),
                                TEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed");
    }

    @Test
    void aTestSplitWithOneClassIsAClearError() {
        TrainingSet set = new TrainingSetBuilder(TRAIN, 2, 5).original();

        assertThatThrownBy(() -> DetectorEvaluator.defaults()
                        .evaluate(new LookupDetector(), set, List.of(new LabelledExample(null, "x", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both classes");
    }
}
