package ai.steersynth.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.ml.classify.ValidatedLogisticRegression;
import ai.steersynth.ml.stats.ConfidenceInterval;
import ai.steersynth.packs.defaults.DefaultPacks;
import ai.steersynth.trainer.domain.DetectorEvaluator;
import ai.steersynth.trainer.domain.LanguageModelProbeDetector;
import ai.steersynth.trainer.domain.SeededEvaluation;
import ai.steersynth.trainer.domain.TrainingSetBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code lm-probe} original-data detector on the real toxicity pack with SmolLM2-135M-Instruct at its default
 * layer: B = 128 real positives and negatives of the train split, measured on the real test split. Needs {@code
 * STEERSYNTH_TEST_MODEL} (the GGUF, see ../shared/tools/fetch-model.sh) and the shared source files under {@code
 * $STEERSYNTH_SHARED_DATA} (else {@code /work/shared/data}); skipped without either. Slow on a CPU: one forward pass
 * of the model over about 2,700 texts (31 minutes on a busy 2-core machine), so it runs only where the model is set.
 */
class LanguageModelProbeToxicityTest {

    private static final int BUDGET = 128;
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L);

    @Test
    void theOriginalDataProbeOnTheModelsResidualsIsStrongOnTheRealToxicityTestSplit() {
        String model = System.getenv("STEERSYNTH_TEST_MODEL");
        assumeTrue(
                model != null && Files.isRegularFile(Path.of(model)),
                "Skipped: STEERSYNTH_TEST_MODEL is unset or not a file; set it to the SmolLM2-135M-Instruct GGUF");
        String configured = System.getenv("STEERSYNTH_SHARED_DATA");
        Path data = Path.of(configured != null && !configured.isBlank() ? configured : "/work/shared/data");
        assumeTrue(Files.isDirectory(data), "Skipped: shared data directory " + data + " not found");
        ConceptPack pack = DefaultPacks.build(DefaultPacks.TOXICITY, data).pack();

        try (LanguageModels models =
                new LanguageModels(new FileModelLoader(Path.of("/nonexistent"), "cpu"), 1, 128, 16, 8192)) {
            LanguageModelProbeDetector detector = new LanguageModelProbeDetector(
                    models.features(ModelSource.parse(model)), null, ValidatedLogisticRegression.defaults());
            SeededEvaluation result = new DetectorEvaluator(1000, 0.95)
                    .evaluateSeeds(
                            detector,
                            s -> new TrainingSetBuilder(pack.detectorData().train(), BUDGET, s).original(),
                            SEEDS,
                            pack.detectorData().test());

            ConfidenceInterval first = result.runs().get(0).evaluation().auroc();
            System.out.printf(
                    "toxicity lm-probe (layer %d of %s): AUROC %.4f +- %.4f over seeds %s (seed 1: %.4f, 95%% CI"
                            + " [%.4f, %.4f]); AUPRC %.4f; test split %d examples%n",
                    detector.layer(),
                    result.runs().get(0).detectorParameters().get("modelLayers"),
                    result.auroc().mean(),
                    result.auroc().standardDeviation(),
                    SEEDS,
                    first.estimate(),
                    first.lower(),
                    first.upper(),
                    result.averagePrecision().mean(),
                    result.runs().get(0).evaluation().examples());
            assertThat(result.runs().get(0).detectorParameters())
                    .containsEntry("layerChosenBy", "default (2/3 of depth)");
            assertThat(result.auroc().mean()).isGreaterThan(0.8);
        }
    }
}
