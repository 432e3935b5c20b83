package ai.steersynth.trainer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.ml.embedding.SentenceEmbedder;
import ai.steersynth.ml.stats.ConfidenceInterval;
import ai.steersynth.packs.defaults.DefaultPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The original-data reference on the four real default packs: the default detector trained on B = 128 real
 * positives and negatives of the train split, measured on the real test split; and the sanity check that the
 * pipeline really uses the replaced positives. Needs the public source files (ARCHITECTURE §7) under {@code
 * $STEERSYNTH_SHARED_DATA}, else {@code /work/shared/data}; skipped without them.
 */
class DefaultPackOriginalAurocTest {

    private static final int BUDGET = 128;
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L);
    private static final SentenceEmbedder EMBEDDER = new SentenceEmbedder(64, 8192);

    /**
     * Every pack's AUROC is reported; only toxicity and harmful requests, whose texts carry the concept on their
     * own, must be well above chance. The A/B concepts (sycophancy, hallucination) are read as question and answer
     * ({@link DetectorInputFormat#PROMPT_AND_TEXT}); whether an answer is sycophantic depends on the question, a
     * relation a linear model on one sentence embedding hardly captures, so their numbers are reported, not
     * asserted (docs/trainer.md).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                DefaultPacks.TOXICITY,
                DefaultPacks.HARMFUL_REQUESTS,
                DefaultPacks.SYCOPHANCY,
                DefaultPacks.HALLUCINATION
            })
    void theOriginalDataDetectorIsMeasuredOnTheRealTestSplit(String packId) {
        ConceptPack pack = DefaultPacks.build(packId, sharedData()).pack();
        Detector detector = new EmbeddingLogisticRegressionDetector(EMBEDDER);

        SeededEvaluation result = new DetectorEvaluator(1000, 0.95)
                .evaluateSeeds(
                        detector,
                        s -> new TrainingSetBuilder(pack.detectorData().train(), BUDGET, s).original(),
                        SEEDS,
                        pack.detectorData().test());

        report(packId, "original", result);
        assertThat(result.runs())
                .allSatisfy(run -> assertThat(run.composition().hasShortfall()).isFalse());
        boolean prompted = packId.equals(DefaultPacks.SYCOPHANCY) || packId.equals(DefaultPacks.HALLUCINATION);
        assertThat(result.runs())
                .allSatisfy(run -> assertThat(run.detectorParameters())
                        .containsEntry(
                                "input",
                                (prompted ? DetectorInputFormat.PROMPT_AND_TEXT : DetectorInputFormat.TEXT).name()));
        if (!prompted) {
            assertThat(result.auroc().mean()).isGreaterThan(0.8);
        }
    }

    /**
     * The sanity check of the acceptance criteria on the real toxicity pack: the same pipeline, with the B positives
     * replaced by real non-toxic texts of the train split (other than the B negatives), ranks the test split by
     * chance, while the original data does not. A pipeline that ignored the replaced positives would keep the
     * original's AUROC.
     */
    @Test
    void replacingThePositivesWithTheOtherClassDrivesAurocToChance() {
        ConceptPack pack =
                DefaultPacks.build(DefaultPacks.TOXICITY, sharedData()).pack();
        List<LabelledExample> train = pack.detectorData().train();
        Detector detector = new EmbeddingLogisticRegressionDetector(EMBEDDER);
        DetectorEvaluator evaluator = new DetectorEvaluator(1000, 0.95);

        SeededEvaluation original = evaluator.evaluateSeeds(
                detector,
                s -> new TrainingSetBuilder(train, BUDGET, s).original(),
                SEEDS,
                pack.detectorData().test());
        SeededEvaluation swapped = evaluator.evaluateSeeds(
                detector,
                s -> {
                    TrainingSetBuilder builder = new TrainingSetBuilder(train, BUDGET, s);
                    Set<String> usedNegatives = Set.copyOf(builder.original().texts());
                    List<GeneratedSample> otherClass = train.stream()
                            .filter(e -> e.label() == 0 && !usedNegatives.contains(e.text()))
                            .map(e -> GeneratedSample.of(e.text()))
                            .toList();
                    return builder.withSyntheticPositives(otherClass, null);
                },
                SEEDS,
                pack.detectorData().test());

        report(DefaultPacks.TOXICITY, "original", original);
        report(DefaultPacks.TOXICITY, "positives replaced by real negatives", swapped);
        assertThat(swapped.runs())
                .allSatisfy(run ->
                        assertThat(run.composition().syntheticPositives()).isEqualTo(BUDGET));
        assertThat(original.auroc().mean()).isGreaterThan(0.8);
        assertThat(swapped.auroc().mean()).isLessThanOrEqualTo(0.6);
    }

    private static void report(String packId, String what, SeededEvaluation result) {
        ConfidenceInterval first = result.runs().get(0).evaluation().auroc();
        System.out.printf(
                "%s (%s): AUROC %.4f +- %.4f over seeds %s (seed 1: %.4f, 95%% CI [%.4f, %.4f]); "
                        + "AUPRC %.4f; test split %d examples, %d positive%n",
                packId,
                what,
                result.auroc().mean(),
                result.auroc().standardDeviation(),
                SEEDS,
                first.estimate(),
                first.lower(),
                first.upper(),
                result.averagePrecision().mean(),
                result.runs().get(0).evaluation().examples(),
                result.runs().get(0).evaluation().positives());
    }

    static Path sharedData() {
        String configured = System.getenv("STEERSYNTH_SHARED_DATA");
        Path data = Path.of(configured != null && !configured.isBlank() ? configured : "/work/shared/data");
        assumeTrue(
                Files.isDirectory(data),
                "Skipped: shared data directory " + data + " not found (set STEERSYNTH_SHARED_DATA to the"
                        + " directory holding the toxicity/, harmful/, sycophancy/ and hallucination/ source files)");
        return data;
    }
}
