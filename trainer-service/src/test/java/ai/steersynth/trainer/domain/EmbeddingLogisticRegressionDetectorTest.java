package ai.steersynth.trainer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.ml.embedding.SentenceEmbedder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * End to end on real embeddings: 25 hostile and 25 friendly texts per class for training, 15 + 15 held out
 * for testing, budget 12, five seeds.
 */
class EmbeddingLogisticRegressionDetectorTest {

    private static final int TRAIN_PER_CLASS = 25;
    private static final int BUDGET = 12;
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L, 5L);

    private static final SentenceEmbedder EMBEDDER = new SentenceEmbedder();
    private final Detector detector = new EmbeddingLogisticRegressionDetector(EMBEDDER);
    private final DetectorEvaluator evaluator = new DetectorEvaluator(200, 0.95);
    private final List<LabelledExample> train = InlineToxicityData.train(TRAIN_PER_CLASS);
    private final List<LabelledExample> test = InlineToxicityData.test(TRAIN_PER_CLASS);

    @Test
    void trainedOnTheRealPositivesItSeparatesHostileFromFriendlyText() {
        SeededEvaluation original = evaluator.evaluateSeeds(
                detector, s -> new TrainingSetBuilder(train, BUDGET, s).original(), SEEDS, test);

        assertThat(original.auroc().mean()).isGreaterThan(0.9);
        assertThat(original.auroc().min()).isGreaterThan(0.8);
        assertThat(original.runs()).allSatisfy(run -> {
            assertThat(run.detectorKind()).isEqualTo("embedding-logreg");
            assertThat(run.evaluation().examples()).isEqualTo(30);
            assertThat(run.detectorParameters()).containsKeys("C", "solver", "converged");
        });
    }

    @Test
    void replacingThePositivesWithFriendlyTextDestroysTheDetector() {
        // The "synthetic positives" are friendly train texts the negatives did not use: the detector then has
        // no hostile example to learn from, so it can only rank the test split by chance.
        SeededEvaluation original = evaluator.evaluateSeeds(
                detector, s -> new TrainingSetBuilder(train, BUDGET, s).original(), SEEDS, test);
        SeededEvaluation sanity = evaluator.evaluateSeeds(
                detector,
                s -> {
                    TrainingSetBuilder builder = new TrainingSetBuilder(train, BUDGET, s);
                    Set<String> usedNegatives = Set.copyOf(builder.original().texts());
                    List<GeneratedSample> friendly = train.stream()
                            .filter(e -> e.label() == 0 && !usedNegatives.contains(e.text()))
                            .map(e -> GeneratedSample.of(e.text()))
                            .toList();
                    return builder.withSyntheticPositives(friendly, null);
                },
                SEEDS,
                test);

        assertThat(sanity.runs())
                .allSatisfy(run ->
                        assertThat(run.composition().syntheticPositives()).isEqualTo(BUDGET));
        assertThat(sanity.auroc().mean()).isLessThan(0.75);
        assertThat(sanity.auroc().mean()).isLessThan(original.auroc().mean() - 0.25);
    }

    @Test
    void scoringIsDeterministicGivenTheTrainingSet() {
        TrainingSet set = new TrainingSetBuilder(train, BUDGET, 9).original();
        List<String> texts = test.stream().map(LabelledExample::text).toList();

        double[] first = detector.train(set).score(texts);
        double[] second = detector.train(set).score(texts);

        assertThat(second).containsExactly(first);
        assertThat(java.util.Arrays.stream(first).boxed().toList()).allMatch(p -> p >= 0 && p <= 1);
    }

    @Test
    void aSetWithFewerThanTwoPositivesIsAClearError() {
        TrainingSet set = new TrainingSetBuilder(train, BUDGET, 1)
                .withSyntheticPositives(List.of(GeneratedSample.of("only one sample")), null);

        assertThatThrownBy(() -> detector.train(set))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 positives");
    }
}
