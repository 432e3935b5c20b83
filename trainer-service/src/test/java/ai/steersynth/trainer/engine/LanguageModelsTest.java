package ai.steersynth.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.engine.steering.extract.EncodedText;
import ai.steersynth.engine.steering.extract.ResidualReader;
import ai.steersynth.ml.classify.ValidatedLogisticRegression;
import ai.steersynth.trainer.domain.DetectorEvaluator;
import ai.steersynth.trainer.domain.LanguageModelProbeDetector;
import ai.steersynth.trainer.domain.ResidualFeatures;
import ai.steersynth.trainer.domain.SeededEvaluation;
import ai.steersynth.trainer.domain.TrainingSetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lm-probe's model side on a tiny random Llama: what is read, lazy bounded loading, and that a probe learns. */
class LanguageModelsTest {

    private static final ModelSource A = ModelSource.parse("/models/a.gguf");
    private static final ModelSource B = ModelSource.parse("/models/b.gguf");

    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();

    private final ModelLoader counting = source -> {
        loads.incrementAndGet();
        LoadedModel tiny = TinyModel.load(source.asText());
        return new LoadedModel(
                tiny.description(), tiny.model(), tiny.tokenizer(), tiny.weights(), closes::incrementAndGet);
    };

    @Test
    void aFeatureIsTheMeanResidualAfterTheBlockOverEveryTokenButTheFirst() {
        try (LoadedModel tiny = TinyModel.load("tiny")) {
            ResidualFeatureReader features = new ResidualFeatureReader(tiny, 16, 3, 100);
            String shortText = "hello there";
            String longText = "x".repeat(10) + "the end of a long text that is cut";
            int layer = 1;

            float[][] read = features.features(List.of(shortText, longText, shortText, "a"), layer);

            ResidualReader reader = new ResidualReader(tiny.model(), 1);
            int[] shortIds = tiny.tokenizer().encode(shortText, true);
            float[] expectedShort = reader.read(List.of(new EncodedText(shortIds, 1)), layer)
                    .get(0)
                    .meanByLayer()
                    .get(layer);
            int[] longIds = tiny.tokenizer().encode(longText, true);
            int[] cut = new int[16];
            cut[0] = TinyModel.Bytes.BOS;
            System.arraycopy(longIds, longIds.length - 15, cut, 1, 15);
            float[] expectedLong = reader.read(List.of(new EncodedText(cut, 1)), layer)
                    .get(0)
                    .meanByLayer()
                    .get(layer);
            for (int h = 0; h < expectedShort.length; h++) {
                assertThat(read[0][h]).isCloseTo(expectedShort[h], within(1e-4f * (1 + Math.abs(expectedShort[h]))));
                assertThat(read[1][h]).isCloseTo(expectedLong[h], within(1e-4f * (1 + Math.abs(expectedLong[h]))));
            }
            assertThat(read[2]).containsExactly(read[0]);
            assertThat(features.encode("a").readFrom()).isEqualTo(1);
            assertThat(features.encode("").tokenIds()).containsExactly(TinyModel.Bytes.BOS);
            assertThat(features.encode("").readFrom()).isZero();
            // Read again from the cache, and in another batch composition: the same vectors.
            float[][] again = features.features(List.of(longText), layer);
            assertThat(again[0]).containsExactly(read[1]);
        }
    }

    @Test
    void modelsLoadLazilyOncePerSourceAndAtMostTheBoundIsHeld() {
        try (LanguageModels models = new LanguageModels(counting, 1, 32, 4, 100)) {
            ResidualFeatures a = models.features(A);
            ResidualFeatures b = models.features(B);
            assertThat(loads).hasValue(0);

            assertThat(a.numberOfLayers()).isEqualTo(TinyModel.CONFIG.numberOfLayers());
            a.features(List.of("one", "two"), 0);
            models.features(A).features(List.of("three"), 2);
            assertThat(loads).hasValue(1);

            b.features(List.of("one"), 0);
            assertThat(loads).hasValue(2);
            assertThat(closes).hasValue(1);
            assertThat(models.loadedCount()).isEqualTo(1);
            assertThat(a.model()).isEqualTo("/models/a.gguf");
        }
        assertThat(closes).hasValue(2);
    }

    @Test
    void aLayerOutsideTheModelIsAClearErrorAndTheDefaultIsTwoThirdsOfTheDepth() {
        try (LanguageModels models = new LanguageModels(counting, 1, 32, 4, 100)) {
            ValidatedLogisticRegression regression = ValidatedLogisticRegression.defaults();
            assertThatThrownBy(() -> new LanguageModelProbeDetector(models.features(A), 3, regression))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("layer 3")
                    .hasMessageContaining("/models/a.gguf");
            assertThat(new LanguageModelProbeDetector(models.features(A), null, regression).layer())
                    .isEqualTo(2);
        }
        assertThat(LanguageModelProbeDetector.defaultLayer(30)).isEqualTo(20);
        assertThat(LanguageModelProbeDetector.defaultLayer(1)).isZero();
    }

    /**
     * Texts of letters a-m are "violating", texts of n-z are not: the probe must find that in the tiny model's
     * residuals and rank a held-out test split by it, the same way with the same seed.
     */
    @Test
    void aProbeOnTheTinyModelLearnsASeparableConceptDeterministically() {
        Random random = new Random(3);
        List<LabelledExample> train = texts(random, 40);
        List<LabelledExample> test = texts(random, 30);
        try (LanguageModels models = new LanguageModels(counting, 1, 32, 8, 1000)) {
            LanguageModelProbeDetector detector =
                    new LanguageModelProbeDetector(models.features(A), 1, ValidatedLogisticRegression.defaults());
            DetectorEvaluator evaluator = new DetectorEvaluator(200, 0.95);

            SeededEvaluation result = evaluator.evaluateSeeds(
                    detector, s -> new TrainingSetBuilder(train, 30, s).original(), List.of(1L, 2L), test);
            SeededEvaluation again = evaluator.evaluateSeeds(
                    detector, s -> new TrainingSetBuilder(train, 30, s).original(), List.of(1L, 2L), test);

            assertThat(result.auroc().mean()).isGreaterThan(0.9);
            assertThat(again.auroc().mean()).isEqualTo(result.auroc().mean());
            assertThat(result.runs().get(0).detectorParameters())
                    .containsEntry("layer", "1")
                    .containsEntry("layerChosenBy", "configured")
                    .containsEntry("model", "/models/a.gguf")
                    .containsEntry("maxTokens", "32");
        }
    }

    private static List<LabelledExample> texts(Random random, int perClass) {
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            examples.add(new LabelledExample(null, word(random, 'a'), 1));
            examples.add(new LabelledExample(null, word(random, 'n'), 0));
        }
        return examples;
    }

    private static String word(Random random, char from) {
        StringBuilder s = new StringBuilder();
        int length = 6 + random.nextInt(10);
        for (int i = 0; i < length; i++) {
            s.append((char) (from + random.nextInt(13)));
        }
        return s.toString();
    }
}
