package ai.steersynth.trainer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.ml.embedding.SentenceEmbedder;
import ai.steersynth.ml.stats.ConfidenceInterval;
import ai.steersynth.packs.defaults.DefaultPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The original-data reference on two real default packs: the default detector trained on B = 128 real
 * positives and negatives of the train split, measured on the real test split. Needs the public source files
 * (ARCHITECTURE §7) under {@code $STEERSYNTH_SHARED_DATA}, else {@code /work/shared/data}; skipped without them.
 */
class DefaultPackOriginalAurocTest {

    private static final int BUDGET = 128;
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L);

    @ParameterizedTest
    @ValueSource(strings = {DefaultPacks.TOXICITY, DefaultPacks.HARMFUL_REQUESTS})
    void theOriginalDataDetectorIsStrongOnTheRealTestSplit(String packId) {
        Path data = sharedData();
        ConceptPack pack = DefaultPacks.build(packId, data).pack();
        Detector detector = new EmbeddingLogisticRegressionDetector(new SentenceEmbedder(64, 8192));

        SeededEvaluation result = new DetectorEvaluator(1000, 0.95)
                .evaluateSeeds(
                        detector,
                        s -> new TrainingSetBuilder(pack.detectorData().train(), BUDGET, s).original(),
                        SEEDS,
                        pack.detectorData().test());

        ConfidenceInterval first = result.runs().get(0).evaluation().auroc();
        System.out.printf(
                "%s: original-data AUROC %.4f +- %.4f over seeds %s (seed 1: %.4f, 95%% CI [%.4f, %.4f]); "
                        + "AUPRC %.4f; test split %d examples, %d positive%n",
                packId,
                result.auroc().mean(),
                result.auroc().standardDeviation(),
                SEEDS,
                first.estimate(),
                first.lower(),
                first.upper(),
                result.averagePrecision().mean(),
                result.runs().get(0).evaluation().examples(),
                result.runs().get(0).evaluation().positives());
        assertThat(result.runs())
                .allSatisfy(run -> assertThat(run.composition().hasShortfall()).isFalse());
        assertThat(result.auroc().mean()).isGreaterThan(0.8);
    }

    private static Path sharedData() {
        String configured = System.getenv("STEERSYNTH_SHARED_DATA");
        Path data = Path.of(configured != null && !configured.isBlank() ? configured : "/work/shared/data");
        assumeTrue(
                Files.isDirectory(data),
                "Skipped: shared data directory " + data + " not found (set STEERSYNTH_SHARED_DATA to the"
                        + " directory holding toxicity/ and harmful/ source files)");
        return data;
    }
}
