package ai.steersynth.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked example of docs/metrics.md: every number there is checked here, by hand or against Python's gzip. */
class WorkedExampleTest {

    static final String MAT = "The cat sat on the mat.";
    static final String SOFA = "The cat sat on the sofa.";
    static final String LOOP = "no no no no no";
    static final List<String> TEXTS = List.of(MAT, SOFA, LOOP);
    // cos(MAT, SOFA) = 0.8, cos(MAT, LOOP) = 0, cos(SOFA, LOOP) = 0.6
    static final FixedEmbedder EMBEDDER = new FixedEmbedder(
            Map.of(MAT, new float[] {1, 0}, SOFA, new float[] {0.8f, 0.6f}, LOOP, new float[] {0, 1}));

    private static final double TIGHT = 1e-6;

    private final DiversityScores scores = new DiversityCalculator(EMBEDDER).measure(TEXTS);

    @Test
    void theMatSentenceSampleLevel() {
        // [the cat sat on the mat .]: 7 tokens, 6 types; every bigram, trigram and 4-gram unique.
        SampleDiversity mat = new SampleDiversityCalculator(50).measure(MAT);

        assertThat(mat.distinct1()).isCloseTo(6.0 / 7.0, within(TIGHT));
        assertThat(mat.distinct2()).isEqualTo(1.0);
        assertThat(mat.distinct3()).isEqualTo(1.0);
        assertThat(mat.mattr()).isCloseTo(6.0 / 7.0, within(TIGHT));
        assertThat(mat.herdanC()).isCloseTo(Math.log(6) / Math.log(7), within(TIGHT));
        assertThat(mat.nonRepetition()).isEqualTo(1.0);
    }

    @Test
    void setLevelDistinctN() {
        // 19 tokens, 8 types; 16 bigrams, 9 distinct; 13 trigrams, 8 distinct.
        assertThat(scores.setLevel().distinct1()).isCloseTo(8.0 / 19.0, within(TIGHT));
        assertThat(scores.setLevel().distinct2()).isCloseTo(9.0 / 16.0, within(TIGHT));
        assertThat(scores.setLevel().distinct3()).isCloseTo(8.0 / 13.0, within(TIGHT));
    }

    @Test
    void selfBleu() {
        // MAT against {SOFA, LOOP}: p = 6/7, 4/6, 3/5, 2/4; closest reference length 7 = c, BP = 1. SOFA likewise.
        // LOOP matches no unigram: 0. Self-BLEU = 2/3 * (6/7 * 4/6 * 3/5 * 2/4)^(1/4).
        double matBleu = Math.pow(6.0 / 7.0 * 4.0 / 6.0 * 3.0 / 5.0 * 2.0 / 4.0, 0.25);

        assertThat(matBleu).isCloseTo(0.643459, within(TIGHT));
        assertThat(scores.setLevel().selfBleu()).isCloseTo(2.0 * matBleu / 3.0, within(TIGHT));
    }

    @Test
    void embeddingMetrics() {
        // mean cosine (0.8 + 0 + 0.6) / 3; K has eigenvalues 2, 1, 0 (trace 3, principal 2x2 minors sum to 2,
        // det 0), so K/3 has 2/3, 1/3, 0 and Vendi = exp(-(2/3 ln 2/3 + 1/3 ln 1/3)).
        double vendi = Math.exp(-(2.0 / 3.0 * Math.log(2.0 / 3.0) + 1.0 / 3.0 * Math.log(1.0 / 3.0)));

        assertThat(scores.setLevel().meanCosineDistance()).isCloseTo(1.0 - 1.4 / 3.0, within(TIGHT));
        assertThat(vendi).isCloseTo(1.889882, within(TIGHT));
        assertThat(scores.setLevel().vendiScore()).isCloseTo(vendi, within(TIGHT));
    }

    @Test
    void compressionSizesAgreeWithPythonsGzip() {
        // len(gzip.compress(b, 9, mtime=0)) - 20 in Python 3.11: 20 of 24, 22 of 25, 5 of 14, 34 of 65 bytes.
        SampleDiversityCalculator calculator = new SampleDiversityCalculator(50);

        assertThat(calculator.measure(MAT).compression()).isCloseTo(20.0 / 24.0, within(TIGHT));
        assertThat(calculator.measure(SOFA).compression()).isCloseTo(22.0 / 25.0, within(TIGHT));
        assertThat(calculator.measure(LOOP).compression()).isCloseTo(5.0 / 14.0, within(TIGHT));
        assertThat(scores.setLevel().compression()).isCloseTo(34.0 / 65.0, within(TIGHT));
    }

    @Test
    void theCombinedScoresQuotedInTheDoc() {
        assertThat(scores.sampleLevel().score()).isCloseTo(0.666147, within(TIGHT));
        assertThat(scores.setLevel().score()).isCloseTo(0.558075, within(TIGHT));
        assertThat(scores.diversity()).isCloseTo(0.612111, within(TIGHT));
    }
}
