package ai.steersynth.trainer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.contracts.result.DetectorRun;
import ai.steersynth.contracts.sweep.ConfigKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorRunSummaryTest {

    /** Scores a text by its length: training is irrelevant, so each seed's AUROC depends on the test split only. */
    private static final Detector LENGTH = new Detector() {
        @Override
        public String kind() {
            return "length";
        }

        @Override
        public TrainedDetector train(TrainingSet set) {
            return new TrainedDetector() {
                @Override
                public String kind() {
                    return "length";
                }

                @Override
                public double[] score(List<String> texts) {
                    return texts.stream().mapToDouble(String::length).toArray();
                }

                @Override
                public Map<String, String> parameters() {
                    return Map.of("trainedOn", Integer.toString(set.examples().size()));
                }
            };
        }
    };

    private static final List<LabelledExample> TRAIN = List.of(
            new LabelledExample(null, "long positive one", 1),
            new LabelledExample(null, "long positive two", 1),
            new LabelledExample(null, "neg", 0),
            new LabelledExample(null, "nay", 0));

    private static final List<LabelledExample> TEST = List.of(
            new LabelledExample(null, "a long positive", 1),
            new LabelledExample(null, "short", 1),
            new LabelledExample(null, "tiny", 0),
            new LabelledExample(null, "a long negative!", 0));

    private final DetectorEvaluator evaluator = new DetectorEvaluator(200, 0.95);

    @Test
    void pointFiguresAreMeansOverSeedsAndTheIntervalIsTheFirstSeeds() {
        List<Long> seeds = DetectorSeeds.derive(3, 2);
        ExtrinsicTest test = new ExtrinsicTest(
                ConfigKind.STEERED,
                2,
                seeds,
                null,
                TRAIN,
                TEST,
                List.of(GeneratedSample.of("generated a"), GeneratedSample.of("generated b")));
        SeededEvaluation evaluation = test.run(LENGTH, evaluator);

        DetectorRun run = DetectorRunSummary.of(evaluation, "hash-1");

        DetectorRunResult first = evaluation.runs().get(0);
        assertThat(run.detectorKind()).isEqualTo("length");
        assertThat(run.seeds()).isEqualTo(2);
        assertThat(run.auroc()).isCloseTo(evaluation.auroc().mean(), within(1e-12));
        assertThat(run.aurocCiLow()).isEqualTo(first.evaluation().auroc().lower());
        assertThat(run.aurocCiHigh()).isEqualTo(first.evaluation().auroc().upper());
        assertThat(run.aurocStd()).isEqualTo(evaluation.auroc().standardDeviation());
        assertThat(run.auprc()).isEqualTo(evaluation.averagePrecision().mean());
        assertThat(run.composition())
                .containsEntry("rule", "SYNTHETIC_POSITIVES")
                .containsEntry("seed", seeds.get(0))
                .containsEntry("seedList", seeds)
                .containsEntry("syntheticPositives", 2)
                .containsEntry("packContentHash", "hash-1")
                .doesNotContainKey("successThreshold");
    }

    @Test
    void eachSeedIsRecordedWithItsIntervalAndDetectorParameters() {
        List<Long> seeds = DetectorSeeds.derive(3, 2);
        SeededEvaluation evaluation = new ExtrinsicTest(
                        ConfigKind.ORIGINAL_DATA, 2, seeds, null, TRAIN, TEST, List.of())
                .run(LENGTH, evaluator);

        List<Map<String, Object>> records = DetectorRunSummary.seedRecords(evaluation);

        assertThat(records).hasSize(2);
        assertThat(records).extracting(r -> r.get("seed")).containsExactlyElementsOf(seeds);
        assertThat(records.get(1))
                .containsKeys("aurocCiLow", "aurocCiHigh", "auprc", "bestThreshold")
                .containsEntry("detectorParameters", Map.of("trainedOn", "4", "input", "TEXT"));
    }
}
