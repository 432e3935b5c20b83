package ai.steersynth.trainer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.trainer.domain.LabelledText.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrainingSetBuilderTest {

    /** 30 positives "pos-i" and 50 negatives "neg-i". */
    private static final List<LabelledExample> TRAIN = train(30, 50);

    @Test
    void theOriginalSetHasBudgetRealExamplesOfEachClass() {
        TrainingSet set = new TrainingSetBuilder(TRAIN, 20, 1).original();

        TrainingSetComposition c = set.composition();
        assertThat(c.rule()).isEqualTo(CompositionRule.ORIGINAL);
        assertThat(c.negatives()).isEqualTo(20);
        assertThat(c.realPositives()).isEqualTo(20);
        assertThat(c.syntheticPositives()).isZero();
        assertThat(c.positiveFraction()).isEqualTo(0.5);
        assertThat(c.hasShortfall()).isFalse();
        assertThat(set.examples()).hasSize(40).allMatch(e -> e.origin() == Origin.REAL);
        assertThat(texts(set, 1)).hasSize(20).allMatch(t -> t.startsWith("pos-"));
        assertThat(texts(set, 0)).hasSize(20).allMatch(t -> t.startsWith("neg-"));
    }

    @Test
    void aConfigSetKeepsTheSameNegativesAndReplacesEveryPositive() {
        TrainingSetBuilder builder = new TrainingSetBuilder(TRAIN, 20, 7);
        List<GeneratedSample> samples = samples(64, null);

        TrainingSet original = builder.original();
        TrainingSet config = builder.withSyntheticPositives(samples, null);

        assertThat(texts(config, 0)).isEqualTo(texts(original, 0));
        assertThat(texts(config, 1)).hasSize(20).allMatch(t -> t.startsWith("sample-"));
        assertThat(config.examples().stream().filter(e -> e.label() == 1))
                .allMatch(e -> e.origin() == Origin.SYNTHETIC);
        TrainingSetComposition c = config.composition();
        assertThat(c.rule()).isEqualTo(CompositionRule.SYNTHETIC_POSITIVES);
        assertThat(c.syntheticPositives()).isEqualTo(20);
        assertThat(c.realPositives()).isZero();
        assertThat(c.samplesOffered()).isEqualTo(64);
        assertThat(c.samplesEligible()).isEqualTo(64);
        assertThat(c.positiveShortfall()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameSetAndAnotherSeedAnotherSubsample() {
        List<GeneratedSample> samples = samples(64, null);

        TrainingSet a = new TrainingSetBuilder(TRAIN, 20, 3).withSyntheticPositives(samples, null);
        TrainingSet b = new TrainingSetBuilder(TRAIN, 20, 3).withSyntheticPositives(samples, null);
        TrainingSet c = new TrainingSetBuilder(TRAIN, 20, 4).withSyntheticPositives(samples, null);

        assertThat(b).isEqualTo(a);
        assertThat(Set.copyOf(texts(c, 0))).isNotEqualTo(Set.copyOf(texts(a, 0)));
        assertThat(Set.copyOf(texts(c, 1))).isNotEqualTo(Set.copyOf(texts(a, 1)));
        assertThat(new TrainingSetBuilder(TRAIN, 20, 3).original())
                .isEqualTo(new TrainingSetBuilder(TRAIN, 20, 3).original());
    }

    @Test
    void theThresholdKeepsOnlySuccessfulJudgedSamplesAndRecordsTheShortfall() {
        List<GeneratedSample> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            samples.add(new GeneratedSample(null, "sample-" + i, i / 30.0)); // 0.0, 0.033, ..., 0.967
        }
        samples.add(GeneratedSample.of("unjudged-1"));
        samples.add(GeneratedSample.of("unjudged-2"));

        TrainingSet set = new TrainingSetBuilder(TRAIN, 20, 1).withSyntheticPositives(samples, 0.5);

        // success >= 0.5 holds for i = 15..29: 15 samples, 5 short of the budget.
        TrainingSetComposition c = set.composition();
        assertThat(c.samplesOffered()).isEqualTo(32);
        assertThat(c.samplesUnjudged()).isEqualTo(2);
        assertThat(c.samplesEligible()).isEqualTo(15);
        assertThat(c.syntheticPositives()).isEqualTo(15);
        assertThat(c.positiveShortfall()).isEqualTo(5);
        assertThat(c.successThreshold()).isEqualTo(0.5);
        assertThat(c.hasShortfall()).isTrue();
        assertThat(c.positiveFraction()).isEqualTo(15 / 35.0);
        assertThat(texts(set, 1))
                .containsExactlyInAnyOrderElementsOf(samples.subList(15, 30).stream()
                        .map(GeneratedSample::text)
                        .toList());
    }

    @Test
    void aSmallTrainSplitUsesWhatThereIsAndRecordsIt() {
        TrainingSet set = new TrainingSetBuilder(train(5, 8), 10, 1).original();

        TrainingSetComposition c = set.composition();
        assertThat(c.realPositives()).isEqualTo(5);
        assertThat(c.negatives()).isEqualTo(8);
        assertThat(c.positiveShortfall()).isEqualTo(5);
        assertThat(c.negativeShortfall()).isEqualTo(2);
        assertThat(set.examples()).hasSize(13);
    }

    @Test
    void labelsAndTextsFollowExampleOrder() {
        TrainingSet set = new TrainingSetBuilder(TRAIN, 3, 1).original();

        assertThat(set.labels()).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(set.texts())
                .containsExactlyElementsOf(
                        set.examples().stream().map(LabelledText::text).toList());
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> new TrainingSetBuilder(TRAIN, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrainingSetBuilder(TRAIN, 5, 1).withSyntheticPositives(List.of(), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeneratedSample(null, "x", -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPackWhoseExamplesAnswerPromptsIsReadAsPromptAndTextForRealExamplesAndSamplesAlike() {
        List<LabelledExample> prompted = List.of(
                new LabelledExample("Q1?", "yes", 1),
                new LabelledExample("Q1?", "no", 0),
                new LabelledExample("Q2?", "sure", 1),
                new LabelledExample("Q2?", "never", 0));
        TrainingSetBuilder builder = new TrainingSetBuilder(prompted, 2, 1);

        TrainingSet original = builder.original();
        TrainingSet synthetic = builder.withSyntheticPositives(
                List.of(GeneratedSample.of("Generation prompt?", "generated"), GeneratedSample.of("lost prompt")),
                null);

        assertThat(original.inputFormat()).isEqualTo(DetectorInputFormat.PROMPT_AND_TEXT);
        assertThat(texts(original, 1)).containsExactlyInAnyOrder("Q1?\n\nyes", "Q2?\n\nsure");
        assertThat(texts(original, 0)).containsExactlyInAnyOrder("Q1?\n\nno", "Q2?\n\nnever");
        // A generated sample's prompt is its generation prompt; one stored without a prompt is read as text.
        assertThat(texts(synthetic, 1)).containsExactlyInAnyOrder("Generation prompt?\n\ngenerated", "lost prompt");
        assertThat(DetectorInputFormat.PROMPT_AND_TEXT.render(prompted.get(0))).isEqualTo("Q1?\n\nyes");
    }

    @Test
    void aPackWithoutPromptsOrWithOnlySomeIsReadAsTextAndSamplePromptsAreIgnored() {
        List<LabelledExample> mixed = List.of(
                new LabelledExample("Q1?", "yes", 1),
                new LabelledExample(null, "no", 0),
                new LabelledExample(" ", "sure", 1),
                new LabelledExample("Q2?", "never", 0));

        assertThat(DetectorInputFormat.of(mixed)).isEqualTo(DetectorInputFormat.TEXT);
        assertThat(DetectorInputFormat.of(List.of())).isEqualTo(DetectorInputFormat.TEXT);
        TrainingSet set = new TrainingSetBuilder(TRAIN, 2, 1)
                .withSyntheticPositives(
                        List.of(GeneratedSample.of("Write a tweet.", "t1"), GeneratedSample.of("Write a post.", "t2")),
                        null);
        assertThat(set.inputFormat()).isEqualTo(DetectorInputFormat.TEXT);
        assertThat(texts(set, 1)).containsExactlyInAnyOrder("t1", "t2");
    }

    @Test
    void streamSeedsDifferForNeighbouringSeedsAndStreams() {
        Set<Long> seeds = new java.util.HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            for (int stream = 1; stream <= 3; stream++) {
                seeds.add(TrainingSetBuilder.streamSeed(seed, stream));
            }
        }
        assertThat(seeds).hasSize(30);
    }

    private static List<String> texts(TrainingSet set, int label) {
        return set.examples().stream()
                .filter(e -> e.label() == label)
                .map(LabelledText::text)
                .collect(Collectors.toList());
    }

    private static List<GeneratedSample> samples(int n, Double success) {
        List<GeneratedSample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(new GeneratedSample(null, "sample-" + i, success));
        }
        return samples;
    }

    private static List<LabelledExample> train(int positives, int negatives) {
        List<LabelledExample> train = new ArrayList<>();
        for (int i = 0; i < Math.max(positives, negatives); i++) {
            if (i < positives) {
                train.add(new LabelledExample(null, "pos-" + i, 1));
            }
            if (i < negatives) {
                train.add(new LabelledExample(null, "neg-" + i, 0));
            }
        }
        return train;
    }
}
