package ai.steersynth.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleDiversityCalculatorTest {

    private static final double EXACT = 1e-12;

    private final SampleDiversityCalculator calculator = new SampleDiversityCalculator(50);

    @Test
    void distinctNCountsUniqueNgramsWithinTheResponse() {
        // [the, cat, sat, on, the, mat]: 5 types in 6 tokens; all 5 bigrams and 4 trigrams are unique.
        SampleDiversity scores = calculator.measure("The cat sat on the mat");

        assertThat(scores.distinct1()).isCloseTo(5.0 / 6.0, within(EXACT));
        assertThat(scores.distinct2()).isCloseTo(1.0, within(EXACT));
        assertThat(scores.distinct3()).isCloseTo(1.0, within(EXACT));
    }

    @Test
    void mattrAveragesTheTypeTokenRatioOfEverySlidingWindow() {
        int[] ids = ids("the cat sat on the mat");

        // window 5: [the cat sat on the] has 4 types, [cat sat on the mat] 5: (4 + 5) / (2 * 5)
        assertThat(SampleDiversityCalculator.mattr(ids, 5)).isCloseTo(0.9, within(EXACT));
        // window 3: every window of three holds three types
        assertThat(SampleDiversityCalculator.mattr(ids, 3)).isCloseTo(1.0, within(EXACT));
        // window 2 over [a a b a]: windows [a a], [a b], [b a] have 1, 2, 2 types: 5 / 6
        assertThat(SampleDiversityCalculator.mattr(ids("a a b a"), 2)).isCloseTo(5.0 / 6.0, within(EXACT));
    }

    @Test
    void mattrFallsBackToPlainTtrForTextsShorterThanTheWindow() {
        assertThat(SampleDiversityCalculator.mattr(ids("the cat sat on the mat"), 50))
                .isCloseTo(5.0 / 6.0, within(EXACT));
        assertThat(SampleDiversityCalculator.mattr(ids("the cat sat on the mat"), 6))
                .isCloseTo(5.0 / 6.0, within(EXACT));
    }

    @Test
    void theMattrWindowComesFromTheCalculator() {
        SampleDiversity windowOfFive = new SampleDiversityCalculator(5).measure("the cat sat on the mat");

        assertThat(windowOfFive.mattr()).isCloseTo(0.9, within(EXACT));
    }

    @Test
    void herdanCIsTheRatioOfLogTypesToLogTokens() {
        assertThat(SampleDiversityCalculator.herdanC(5, 6)).isCloseTo(Math.log(5) / Math.log(6), within(EXACT));
        assertThat(SampleDiversityCalculator.herdanC(5, 6)).isCloseTo(0.8982444017, within(1e-9));
        assertThat(SampleDiversityCalculator.herdanC(1, 5)).isZero();
        assertThat(SampleDiversityCalculator.herdanC(7, 7)).isCloseTo(1.0, within(EXACT));
        assertThat(SampleDiversityCalculator.herdanC(1, 1)).isEqualTo(1.0);
        assertThat(SampleDiversityCalculator.herdanC(0, 0)).isZero();
    }

    @Test
    void nonRepetitionCountsEveryOccurrenceOfARepeatedFourGram() {
        // 4-grams of [a b c d a b c d]: abcd, bcda, cdab, dabc, abcd; both abcd occurrences are repeated: 1 - 2/5
        int[] fourGrams = new NGramIndex().encode(WordTokenizer.tokenize("a b c d a b c d"))[3];

        assertThat(SampleDiversityCalculator.nonRepetition(fourGrams, 8)).isCloseTo(0.6, within(EXACT));
        assertThat(SampleDiversityCalculator.distinct(fourGrams, 8)).isCloseTo(0.8, within(EXACT));
    }

    @Test
    void aLoopOfOneWordScoresLowOnEveryRepetitionMetric() {
        // [no x5]: 1 type; 4 bigrams, 3 trigrams, 2 four-grams, each a single distinct n-gram repeated.
        SampleDiversity scores = calculator.measure("no no no no no");

        assertThat(scores.distinct1()).isCloseTo(1.0 / 5.0, within(EXACT));
        assertThat(scores.distinct2()).isCloseTo(1.0 / 4.0, within(EXACT));
        assertThat(scores.distinct3()).isCloseTo(1.0 / 3.0, within(EXACT));
        assertThat(scores.mattr()).isCloseTo(0.2, within(EXACT));
        assertThat(scores.herdanC()).isZero();
        assertThat(scores.nonRepetition()).isZero();
    }

    @Test
    void anEmptyTextScoresZeroEverywhere() {
        assertThat(calculator.measure("")).isEqualTo(SampleDiversity.EMPTY);
        assertThat(calculator.measure("   \n")).isEqualTo(SampleDiversity.EMPTY);
        assertThat(SampleDiversity.EMPTY.score()).isZero();
    }

    @Test
    void aOneTokenTextCannotRepeatAnythingAndScoresOne() {
        // distinct-2/3 and non-repetition have no n-grams to count; "yes" deflates to 3 payload bytes of 3 raw.
        SampleDiversity scores = calculator.measure("Yes");

        assertThat(scores).isEqualTo(new SampleDiversity(1, 1, 1, 1, 1, 1, 1));
        assertThat(scores.score()).isEqualTo(1.0);
    }

    @Test
    void theCombinedScoreIsTheMeanOfFiveComponentsWithDistinctNAveragedFirst() {
        SampleDiversity scores = new SampleDiversity(0.9, 0.6, 0.3, 0.5, 0.4, 0.2, 0.1);

        // distinct = (0.9 + 0.6 + 0.3) / 3 = 0.6; (0.6 + 0.5 + 0.4 + 0.2 + 0.1) / 5 = 0.36
        assertThat(scores.distinct()).isCloseTo(0.6, within(EXACT));
        assertThat(scores.score()).isCloseTo(0.36, within(EXACT));
    }

    @Test
    void theMeanOverSamplesIsComponentWise() {
        SampleDiversity mean = SampleDiversity.mean(
                List.of(new SampleDiversity(1, 1, 1, 1, 1, 1, 1), new SampleDiversity(0, 0.5, 0, 0, 0, 0, 0.2)));

        assertThat(mean).isEqualTo(new SampleDiversity(0.5, 0.75, 0.5, 0.5, 0.5, 0.5, 0.6));
        assertThatIllegalArgumentException().isThrownBy(() -> SampleDiversity.mean(List.of()));
    }

    @Test
    void aRepetitiveResponseScoresBelowAVariedOneOfTheSameLength() {
        SampleDiversity varied = calculator.measure(
                "To bake bread, mix flour, water, salt and yeast, knead for ten minutes, and let it rise.");
        SampleDiversity looping = calculator.measure(
                "To bake bread, bake bread, bake bread, bake bread, bake bread, bake bread, bake bread.");

        assertThat(looping.score()).isLessThan(varied.score());
        assertThat(looping.compression()).isLessThan(varied.compression());
        assertThat(looping.nonRepetition()).isLessThan(varied.nonRepetition());
    }

    @Test
    void theWindowMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SampleDiversityCalculator(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiversitySettings(0));
    }

    private static int[] ids(String text) {
        return new NGramIndex().encode(WordTokenizer.tokenize(text))[0];
    }
}
