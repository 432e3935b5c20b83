package ai.steersynth.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelfBleuTest {

    private static final double EXACT = 1e-12;

    @Test
    void sentenceBleuMultipliesTheFourthRootOfThePrecisionsByTheBrevityPenalty() {
        // p1 = 3/4, p2 = 2/3, p3 = 1/2, p4 = 0/1 -> method1: 0.1/1; equal lengths: BP = 1.
        // BLEU = (0.75 * 2/3 * 0.5 * 0.1)^(1/4) = 0.025^(1/4)
        double bleu = SelfBleu.sentenceBleu(tokens("a b c d"), List.of(tokens("a b c e")));

        assertThat(bleu).isCloseTo(Math.pow(0.025, 0.25), within(EXACT));
        assertThat(bleu).isCloseTo(0.3976353644, within(1e-9));
    }

    @Test
    void aShortHypothesisPaysTheBrevityPenaltyAndSmoothedEmptyOrders() {
        // [a b c] against [a b c d e]: p1 = p2 = p3 = 1, no 4-gram: p4 = 0.1/max(1, 0); BP = exp(1 - 5/3).
        double bleu = SelfBleu.sentenceBleu(tokens("a b c"), List.of(tokens("a b c d e")));

        assertThat(bleu).isCloseTo(Math.exp(-2.0 / 3.0) * Math.pow(0.1, 0.25), within(EXACT));
        assertThat(bleu).isCloseTo(0.28871566, within(1e-8));
    }

    @Test
    void clippingUsesTheLargestCountInAnySingleReference() {
        // hypothesis [the x4] against [the cat the mat the] (the x3) and [the the cat] (the x2, "the the" x1):
        // p1 = min(4, 3)/4, p2 = min(3, 1)/3, p3 = 0 -> 0.1/2, p4 = 0 -> 0.1/1.
        // Reference lengths 5 and 3 tie at distance 1 from 4; the shorter wins, 4 > 3, so BP = 1.
        double bleu = SelfBleu.sentenceBleu(
                tokens("the the the the"), List.of(tokens("the cat the mat the"), tokens("the the cat")));

        assertThat(bleu).isCloseTo(Math.pow(0.75 * (1.0 / 3.0) * 0.05 * 0.1, 0.25), within(EXACT));
    }

    @Test
    void theClosestReferenceLengthPrefersTheShorterOnATie() {
        // hypothesis of 4 tokens, references of 3 and 5: r = 3 < c = 4, so BP = 1; with r = 5 it would be exp(-1/4).
        double bleu = SelfBleu.sentenceBleu(tokens("a b c d"), List.of(tokens("a b c d e"), tokens("x y z")));

        assertThat(bleu).isCloseTo(Math.pow(1.0 * 1.0 * 1.0 * 1.0, 0.25), within(EXACT));
    }

    @Test
    void noUnigramMatchOrAnEmptyHypothesisScoresZero() {
        assertThat(SelfBleu.sentenceBleu(tokens("a b c d"), List.of(tokens("e f g h"))))
                .isZero();
        assertThat(SelfBleu.sentenceBleu(List.of(), List.of(tokens("e f g h")))).isZero();
    }

    @Test
    void identicalSamplesHaveSelfBleuOneAndDisjointSamplesZero() {
        List<String> sentence = tokens("the answer is always forty two");

        assertThat(SelfBleu.selfBleu(List.of(sentence, sentence, sentence))).isCloseTo(1.0, within(EXACT));
        assertThat(SelfBleu.selfBleu(List.of(tokens("a b c d"), tokens("e f g h"), tokens("i j k l"))))
                .isZero();
    }

    @Test
    void aSingleSampleHasNoReferencesAndSelfBleuZero() {
        assertThat(SelfBleu.selfBleu(List.of(tokens("only one sample here")))).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> SelfBleu.selfBleu(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> SelfBleu.sentenceBleu(tokens("a"), List.of()));
    }

    @Test
    void theLeaveOneOutShortcutAgreesWithScoringEachSampleAgainstTheRest() {
        // Small vocabularies and lengths 0..14 force repeated n-grams, ties for the top count and equal lengths.
        Random random = new Random(20261128L);
        for (int trial = 0; trial < 300; trial++) {
            List<List<String>> samples = randomSamples(random, 2 + random.nextInt(9), 2 + random.nextInt(6));
            double[] fast = SelfBleu.sentenceBleus(samples);
            for (int i = 0; i < samples.size(); i++) {
                List<List<String>> others = new ArrayList<>(samples);
                others.remove(i);
                assertThat(fast[i])
                        .as("trial %d sample %d of %s", trial, i, samples)
                        .isCloseTo(SelfBleu.sentenceBleu(samples.get(i), others), within(EXACT));
            }
        }
    }

    private static List<List<String>> randomSamples(Random random, int count, int vocabulary) {
        List<List<String>> samples = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            List<String> sample = new ArrayList<>();
            int length = random.nextInt(15);
            for (int t = 0; t < length; t++) {
                sample.add("w" + random.nextInt(vocabulary));
            }
            samples.add(sample);
        }
        return samples;
    }

    private static List<String> tokens(String text) {
        return WordTokenizer.tokenize(text);
    }
}
