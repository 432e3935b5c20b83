package ai.steersynth.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiversityCalculatorTest {

    private static final String VARIED_A = "I cannot help with that, but here are some resources on staying safe.";
    private static final String VARIED_B = "Canberra is the capital of Australia, not Sydney as many assume.";
    private static final String LOOP = "stupid stupid stupid stupid stupid stupid stupid stupid";

    private final FixedEmbedder embedder = new FixedEmbedder(
            Map.of(VARIED_A, new float[] {1, 0, 0}, VARIED_B, new float[] {0, 1, 0}, LOOP, new float[] {0, 0, 1}));
    private final DiversityCalculator calculator = new DiversityCalculator(embedder);

    @Test
    void theAxisIsTheMeanOfTheSampleLevelAndSetLevelScores() {
        DiversityScores scores = calculator.measure(List.of(VARIED_A, VARIED_B, LOOP));
        SampleDiversityCalculator sampleCalculator = new SampleDiversityCalculator(50);
        SampleDiversity expectedSampleLevel = SampleDiversity.mean(List.of(
                sampleCalculator.measure(VARIED_A),
                sampleCalculator.measure(VARIED_B),
                sampleCalculator.measure(LOOP)));

        assertThat(scores.sampleCount()).isEqualTo(3);
        assertThat(scores.sampleLevel()).isEqualTo(expectedSampleLevel);
        assertThat(scores.setLevel().normalisedVendiScore()).isCloseTo(1.0, within(1e-9));
        assertThat(scores.diversity())
                .isCloseTo((scores.sampleLevel().score() + scores.setLevel().score()) / 2, within(1e-15));
        assertThat(scores.diversity()).isBetween(0.0, 1.0);
    }

    @Test
    void repeatingTheSameLoopScoresBelowVariedResponses() {
        DiversityScores varied = calculator.measure(List.of(VARIED_A, VARIED_B));
        DiversityScores degenerate = calculator.measure(List.of(LOOP, LOOP));

        assertThat(degenerate.diversity()).isLessThan(varied.diversity());
        assertThat(degenerate.setLevel().normalisedVendiScore()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void everyComponentIsExposedByName() {
        Map<String, Double> components =
                calculator.measure(List.of(VARIED_A, LOOP)).components();

        assertThat(components)
                .containsOnlyKeys(
                        "sample.distinct1",
                        "sample.distinct2",
                        "sample.distinct3",
                        "sample.mattr",
                        "sample.herdanC",
                        "sample.compression",
                        "sample.nonRepetition",
                        "sample.score",
                        "set.distinct1",
                        "set.distinct2",
                        "set.distinct3",
                        "set.selfBleu",
                        "set.compression",
                        "set.meanCosineDistance",
                        "set.vendiScore",
                        "set.normalisedVendiScore",
                        "set.score",
                        "diversity");
        assertThat(components.get("sample.distinct1")).isLessThan(1.0);
        assertThat(components.get("set.vendiScore")).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void theMattrWindowIsConfigurable() {
        DiversityCalculator windowOfTwo = new DiversityCalculator(
                new FixedEmbedder(Map.of("a a b a", new float[] {1})), new DiversitySettings(2));

        assertThat(windowOfTwo.measure(List.of("a a b a")).sampleLevel().mattr())
                .isCloseTo(5.0 / 6.0, within(1e-12));
    }

    @Test
    void blankResponsesAreNeverEmbeddedAndAreAlikeButOrthogonalToTheRest() {
        // The fixed embedder knows no blank text, so it would throw if asked. Rows: (1, 0, 0), (0, 0, 1), (0, 0, 1):
        // cosines 0, 0, 1 -> distance 1 - 1/3; K/3 has eigenvalues 2/3, 1/3, 0 -> Vendi as in the worked example.
        DiversityScores scores = calculator.measure(List.of(VARIED_A, "", " \n\u200B"));

        assertThat(DiversityCalculator.embed(embedder, List.of(VARIED_A, "", " \n")))
                .isDeepEqualTo(new float[][] {{1, 0, 0, 0}, {0, 0, 0, 1}, {0, 0, 0, 1}});
        assertThat(scores.setLevel().meanCosineDistance()).isCloseTo(2.0 / 3.0, within(1e-9));
        assertThat(scores.setLevel().vendiScore())
                .isCloseTo(
                        Math.exp(-(2.0 / 3.0 * Math.log(2.0 / 3.0) + 1.0 / 3.0 * Math.log(1.0 / 3.0))), within(1e-9));
    }

    @Test
    void aSetOfOnlyBlankResponsesHasTheMinimumEmbeddingDiversity() {
        DiversityScores scores = calculator.measure(List.of("", "", ""));

        assertThat(scores.setLevel().meanCosineDistance()).isCloseTo(0.0, within(1e-9));
        assertThat(scores.setLevel().normalisedVendiScore()).isCloseTo(1.0 / 3.0, within(1e-9));
        assertThat(scores.sampleLevel().score()).isZero();
    }

    @Test
    void anEmptySampleSetIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> calculator.measure(List.of()));
    }
}
