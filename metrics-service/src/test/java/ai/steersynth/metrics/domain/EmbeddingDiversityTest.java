package ai.steersynth.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EmbeddingDiversityTest {

    private static final double TIGHT = 1e-9;

    @Test
    void identicalEmbeddingsHaveVendiScoreOneAndNoCosineDistance() {
        // K is all ones; K/n has the single eigenvalue 1: entropy 0, Vendi 1, normalised 1/n.
        float[][] same = {{1, 2, 3}, {2, 4, 6}, {0.5f, 1, 1.5f}, {1, 2, 3}};

        assertThat(EmbeddingDiversity.vendiScore(same)).isCloseTo(1.0, within(TIGHT));
        assertThat(EmbeddingDiversity.normalisedVendiScore(same)).isCloseTo(0.25, within(TIGHT));
        assertThat(EmbeddingDiversity.meanCosineDistance(same)).isCloseTo(0.0, within(TIGHT));
    }

    @Test
    void orthogonalEmbeddingsHaveVendiScoreNAndCosineDistanceOne() {
        // K = I; K/n has n eigenvalues 1/n: entropy log n, Vendi n, normalised 1.
        float[][] orthogonal = {{3, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 2, 0}};

        assertThat(EmbeddingDiversity.vendiScore(orthogonal)).isCloseTo(3.0, within(TIGHT));
        assertThat(EmbeddingDiversity.normalisedVendiScore(orthogonal)).isCloseTo(1.0, within(TIGHT));
        assertThat(EmbeddingDiversity.meanCosineDistance(orthogonal)).isCloseTo(1.0, within(TIGHT));
    }

    @Test
    void twoEmbeddingsAtCosineOneHalf() {
        // K/2 = [[1/2, 1/4], [1/4, 1/2]], eigenvalues 3/4 and 1/4:
        // Vendi = exp(-(3/4 log 3/4 + 1/4 log 1/4)) = 1.7547654...; cosine distance 1 - 1/2.
        float[][] pair = {{1, 0}, {0.5f, (float) (Math.sqrt(3) / 2)}};
        double expected = Math.exp(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)));

        assertThat(EmbeddingDiversity.vendiScore(pair)).isCloseTo(expected, within(1e-6));
        assertThat(expected).isCloseTo(1.7547654, within(1e-7));
        assertThat(EmbeddingDiversity.meanCosineDistance(pair)).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void moreEmbeddingsThanDimensionsUseTheDualGramMatrix() {
        // Two clusters of two in 2-D: K/4 has eigenvalues 1/2, 1/2 -> Vendi 2. Pairs: 2 with cos 1, 4 with cos 0.
        float[][] clusters = {{1, 0}, {2, 0}, {0, 1}, {0, 5}};

        assertThat(EmbeddingDiversity.vendiScore(clusters)).isCloseTo(2.0, within(TIGHT));
        assertThat(EmbeddingDiversity.meanCosineDistance(clusters)).isCloseTo(4.0 / 6.0, within(TIGHT));
    }

    @Test
    void oppositeEmbeddingsAreClampedToCosineDistanceOne() {
        float[][] opposite = {{1, 0}, {-1, 0}};

        assertThat(EmbeddingDiversity.meanCosineDistance(opposite)).isEqualTo(1.0);
        // K = [[1, -1], [-1, 1]] is rank one, like two identical rows.
        assertThat(EmbeddingDiversity.vendiScore(opposite)).isCloseTo(1.0, within(TIGHT));
    }

    @Test
    void aSingleEmbeddingIsItsOwnEffectiveSample() {
        float[][] one = {{0.3f, -0.2f}};

        assertThat(EmbeddingDiversity.vendiScore(one)).isCloseTo(1.0, within(TIGHT));
        assertThat(EmbeddingDiversity.meanCosineDistance(one)).isEqualTo(1.0);
    }

    @Test
    void zeroRaggedAndMissingEmbeddingsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> EmbeddingDiversity.vendiScore(new float[][] {{0, 0}}));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmbeddingDiversity.vendiScore(new float[][] {{1, 0}, {1}}));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmbeddingDiversity.meanCosineDistance(new float[][] {{Float.NaN, 1}}));
        assertThatIllegalArgumentException().isThrownBy(() -> EmbeddingDiversity.vendiScore(new float[0][]));
    }
}
