package ai.steersynth.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.LabelledExample;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The {@code lm-probe} original-data detector on the real toxicity pack with SmolLM2-135M-Instruct at its default
 * layer: B = 128 real positives and negatives of the train split, measured on the real test split. Needs {@code
 * STEERSYNTH_TEST_MODEL} (the GGUF, see ../shared/tools/fetch-model.sh) and the shared source files under {@code
 * $STEERSYNTH_SHARED_DATA} (else {@code /work/shared/data}); skipped without either. Bounded for CI: B = 64, one seed,
 * and a stratified 250-example sample of the test split (about 380 forward passes); the full measurement (B = 128,
 * three seeds, all 2,000 test examples: 0.901 +- 0.014) took 31 minutes on a busy 2-core machine and is reported in
 * docs/trainer.md.
 */
class LanguageModelProbeToxicityTest {

    private static final int BUDGET = 64;
    private static final List<Long> SEEDS = List.of(1L);
    private static final int TEST_PER_CLASS = 125;

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
                            stratifiedSample(pack.detectorData().test(), TEST_PER_CLASS, 7L));

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

    /** Up to {@code perClass} examples of each label, chosen by a seeded shuffle (order within the split kept). */
    private static List<LabelledExample> stratifiedSample(List<LabelledExample> split, int perClass, long seed) {
        List<LabelledExample> shuffled = new ArrayList<>(split);
        Collections.shuffle(shuffled, new Random(seed));
        List<LabelledExample> chosen = new ArrayList<>();
        int[] taken = new int[2];
        for (LabelledExample example : shuffled) {
            if (taken[example.label()] < perClass) {
                taken[example.label()]++;
                chosen.add(example);
            }
        }
        return chosen;
    }
}
