package ai.steersynth.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.ml.evaluate.Auroc;
import ai.steersynth.trainer.domain.TrainedDetector;
import ai.steersynth.trainer.domain.TrainingSet;
import ai.steersynth.trainer.domain.TrainingSetBuilder;
import ai.steersynth.trainer.engine.ResidualFeatureReader.TokenResiduals;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The finetune detector on a tiny random Llama. */
class FineTuneDetectorTest {

    private static final ModelSource TINY = ModelSource.parse("/models/tiny.gguf");

    /** Before any step, the trainable block computes what the engine's last block computed. */
    @Test
    void theTrainableLastBlockStartsAsTheEnginesLastBlock() {
        try (LoadedModel tiny = TinyModel.load("tiny");
                NDManager manager = NDManager.newBaseManager(tiny.model().device(), "PyTorch")) {
            ResidualFeatureReader reader = new ResidualFeatureReader(tiny, 64, 2, 0);
            List<String> texts = List.of("a short one", "a somewhat longer text than the first", "x");
            int last = TinyModel.CONFIG.numberOfLayers() - 1;
            List<TokenResiduals> inputs = reader.tokenResiduals(texts, last - 1);
            List<TokenResiduals> outputs = reader.tokenResiduals(texts, last);
            LastBlockClassifier block = LastBlockClassifier.fromModel(reader, manager);

            FineTuneDetector.Batch batch = FineTuneDetector.batch(manager, inputs, List.of(0, 1, 2), null);
            float[] computed = block.blockOutput(batch.x()).toFloatArray();

            int hidden = TinyModel.CONFIG.hiddenSize();
            int longest = inputs.stream().mapToInt(TokenResiduals::length).max().orElseThrow();
            for (int b = 0; b < texts.size(); b++) {
                TokenResiduals expected = outputs.get(b);
                for (int i = 0; i < expected.length() * hidden; i++) {
                    float e = expected.values()[i];
                    assertThat(computed[b * longest * hidden + i])
                            .as("text %d value %d", b, i)
                            .isCloseTo(e, within(1e-4f * (1 + Math.abs(e))));
                }
            }
        }
    }

    /** Letters a-m versus n-z: it learns the concept, and the same set trains the same detector (to ~1e-3). */
    @Test
    void itLearnsASeparableConceptAndTwoRunsWithTheSameSeedScoreAlike() {
        Random random = new Random(11);
        List<LabelledExample> train = texts(random, 24);
        List<LabelledExample> test = texts(random, 20);
        List<String> testTexts = test.stream().map(LabelledExample::text).toList();
        int[] testLabels = test.stream().mapToInt(LabelledExample::label).toArray();
        try (LanguageModels models = new LanguageModels(source -> TinyModel.load(source.asText()), 1, 32, 8, 0)) {
            FineTuneDetector detector =
                    new FineTuneDetector(models, TINY, new FineTuneDetector.Options(8, 8, 1e-3f, 1e-2f, 0.25));
            TrainingSet set = new TrainingSetBuilder(train, 24, 5).original();

            TrainedDetector first = detector.train(set);
            TrainedDetector second = detector.train(set);
            double[] scores = first.score(testTexts);

            assertThat(Auroc.of(scores, testLabels)).isGreaterThan(0.9);
            // Not bit-identical: multi-threaded PyTorch CPU kernels may sum in another order from run to run, and
            // training amplifies that to about 1e-3 in the scores (seen in CI); the same seed gives the same model
            // up to that.
            assertThat(second.score(testTexts)).containsExactly(scores, within(0.01));
            assertThat(first.parameters())
                    .containsEntry("frozenBlocks", "0..1")
                    .containsEntry("optimizer", "Adam")
                    .containsEntry("trainingSize", "36")
                    .containsEntry("validationSize", "12")
                    .containsKey("chosenEpoch");
        }
    }

    @Test
    void badOptionsAndTooSmallSetsAreClearErrors() {
        assertThatThrownBy(() -> new FineTuneDetector.Options(0, 8, 1e-3f, 1e-2f, 0.25))
                .hasMessageContaining("epochs");
        assertThatThrownBy(() -> new FineTuneDetector.Options(1, 8, 1e-3f, 1e-2f, 0.75))
                .hasMessageContaining("validationShare");
        try (LanguageModels models = new LanguageModels(source -> TinyModel.load(source.asText()), 1, 32, 8, 0)) {
            TrainingSet oneEach = new TrainingSetBuilder(
                            List.of(new LabelledExample(null, "abc", 1), new LabelledExample(null, "nop", 0)), 1, 1)
                    .original();
            assertThatThrownBy(() ->
                            new FineTuneDetector(models, TINY, FineTuneDetector.Options.defaults()).train(oneEach))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 2 examples per class");
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
        int length = 5 + random.nextInt(8);
        for (int i = 0; i < length; i++) {
            s.append((char) (from + random.nextInt(13)));
        }
        return s.toString();
    }
}
