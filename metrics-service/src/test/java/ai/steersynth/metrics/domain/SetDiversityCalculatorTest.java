package ai.steersynth.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SetDiversityCalculatorTest {

    private static final double TIGHT = 1e-9;
    private static final String SENTENCE = "The cat sat on the mat";

    @Test
    void identicalSamplesGetTheMinimumSetDiversity() {
        // 3 copies of [the cat sat on the mat]: 5 distinct unigrams of 18, 5 bigrams of 15, 4 trigrams of 12.
        float[] vector = {0.2f, 0.7f, -0.1f};
        SetDiversity set = SetDiversityCalculator.measure(
                List.of(SENTENCE, SENTENCE, SENTENCE), new float[][] {vector, vector, vector});

        assertThat(set.distinct1()).isCloseTo(5.0 / 18.0, within(TIGHT));
        assertThat(set.distinct2()).isCloseTo(1.0 / 3.0, within(TIGHT));
        assertThat(set.distinct3()).isCloseTo(1.0 / 3.0, within(TIGHT));
        assertThat(set.selfBleu()).isCloseTo(1.0, within(TIGHT));
        assertThat(set.selfBleuDiversity()).isCloseTo(0.0, within(TIGHT));
        assertThat(set.meanCosineDistance()).isCloseTo(0.0, within(TIGHT));
        assertThat(set.vendiScore()).isCloseTo(1.0, within(TIGHT));
        assertThat(set.normalisedVendiScore()).isCloseTo(1.0 / 3.0, within(TIGHT));
        // The concatenation's second and third copies are back-references: well below one copy alone.
        assertThat(set.compression()).isLessThan(CompressionScore.ofTokens(WordTokenizer.tokenize(SENTENCE)));
    }

    @Test
    void disjointSamplesWithOrthogonalEmbeddingsGetTheMaximum() {
        List<String> texts = List.of("alpha beta gamma delta", "epsilon zeta eta theta", "iota kappa lambda mu");
        SetDiversity set = SetDiversityCalculator.measure(texts, new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});

        assertThat(set.distinct()).isEqualTo(1.0);
        assertThat(set.selfBleu()).isZero();
        assertThat(set.meanCosineDistance()).isCloseTo(1.0, within(TIGHT));
        assertThat(set.vendiScore()).isCloseTo(3.0, within(TIGHT));
        assertThat(set.normalisedVendiScore()).isCloseTo(1.0, within(TIGHT));
    }

    @Test
    void theSetScoreIsTheMeanOfItsFiveComponents() {
        SetDiversity set = new SetDiversity(4, 0.3, 0.6, 0.9, 0.25, 0.5, 0.4, 2.0);

        // distinct 0.6, 1 - Self-BLEU 0.75, compression 0.5, cosine 0.4, Vendi 2/4: mean 2.75 / 5
        assertThat(set.score()).isCloseTo(0.55, within(TIGHT));
    }

    @Test
    void aSetOfOneIsMeasuredByItsOwnNgramsAndHasNoPairToBeAlike() {
        SetDiversity set = SetDiversityCalculator.measure(List.of(SENTENCE), new float[][] {{1, 2}});

        assertThat(set.sampleCount()).isEqualTo(1);
        assertThat(set.distinct1()).isCloseTo(5.0 / 6.0, within(TIGHT));
        assertThat(set.distinct2()).isEqualTo(1.0);
        assertThat(set.selfBleuDiversity()).isEqualTo(1.0);
        assertThat(set.meanCosineDistance()).isEqualTo(1.0);
        assertThat(set.normalisedVendiScore()).isCloseTo(1.0, within(TIGHT));
        assertThat(set.compression()).isEqualTo(CompressionScore.ofTokens(WordTokenizer.tokenize(SENTENCE)));
    }

    @Test
    void emptyAndOneTokenSamplesFollowTheSampleLevelConventions() {
        // No tokens anywhere: every n-gram count is 0. Tokens but no bigram: distinct-2 and -3 are 1.
        float[][] two = {{1, 0}, {0, 1}};
        SetDiversity empty = SetDiversityCalculator.measure(List.of("", " "), two);
        SetDiversity shortOnes = SetDiversityCalculator.measure(List.of("yes", "yes"), two);

        assertThat(empty.distinct()).isZero();
        assertThat(empty.compression()).isZero();
        assertThat(shortOnes.distinct1()).isEqualTo(0.5);
        assertThat(shortOnes.distinct2()).isEqualTo(1.0);
        assertThat(shortOnes.distinct3()).isEqualTo(1.0);
    }

    @Test
    void emptySetsAndMismatchedEmbeddingsAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SetDiversityCalculator.measure(List.of(), new float[0][]));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SetDiversityCalculator.measure(List.of("a", "b"), new float[][] {{1}}));
        assertThatIllegalArgumentException().isThrownBy(() -> new SetDiversity(2, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 2.5));
    }
}
