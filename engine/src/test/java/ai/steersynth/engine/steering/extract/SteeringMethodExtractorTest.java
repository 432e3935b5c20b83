package ai.steersynth.engine.steering.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.contracts.sweep.SteeringMethod;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Each method against a plain Java reference on synthetic activations with a planted direction: the
 * extractor and the reference agree, and both recover the planted direction.
 */
class SteeringMethodExtractorTest {

    private static final int LAYER = 3;
    private static final ExtractionOptions OPTIONS = ExtractionOptions.defaults();

    /** Shared bases spread 1 per coordinate, shift about 4 along the plant, little noise per side. */
    private static final SyntheticActivations DATA = SyntheticActivations.generate(7, 400, 32, LAYER, 1.0, 4.0, 0.02);

    // ---- plain Java references ----

    private static double[] referenceMeanDifference(LayerActivations at) {
        double[] sum = new double[at.hiddenSize()];
        for (int i = 0; i < at.pairCount(); i++) {
            for (int h = 0; h < sum.length; h++) {
                sum[h] += at.positive()[i][h] - at.negative()[i][h];
            }
        }
        return sum;
    }

    /** Power iteration on D^T D of the uncentred differences D, sign to the mean difference. */
    private static double[] referenceFirstComponent(LayerActivations at) {
        int n = at.pairCount();
        int d = at.hiddenSize();
        double[][] differences = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int h = 0; h < d; h++) {
                differences[i][h] = at.positive()[i][h] - at.negative()[i][h];
            }
        }
        double[] v = new double[d];
        Arrays.fill(v, 1.0);
        for (int iteration = 0; iteration < 500; iteration++) {
            double[] next = new double[d];
            for (double[] row : differences) {
                double projection = 0;
                for (int h = 0; h < d; h++) {
                    projection += row[h] * v[h];
                }
                for (int h = 0; h < d; h++) {
                    next[h] += projection * row[h];
                }
            }
            double norm = Math.sqrt(Arrays.stream(next).map(x -> x * x).sum());
            for (int h = 0; h < d; h++) {
                v[h] = next[h] / norm;
            }
        }
        double[] mean = referenceMeanDifference(at);
        double sign = Math.signum(
                Arrays.stream(indices(d)).mapToDouble(h -> v[h] * mean[h]).sum());
        for (int h = 0; h < d; h++) {
            v[h] *= sign;
        }
        return v;
    }

    /** Gradient descent on C * sum logloss + |w|^2 / 2 over every activation (positive = 1). */
    private static double[] referenceProbe(LayerActivations at, double c) {
        int d = at.hiddenSize();
        double[] w = new double[d];
        double b = 0;
        int n = 2 * at.pairCount();
        double rate = 1.0 / (c * n * 20 + 1);
        for (int iteration = 0; iteration < 3000; iteration++) {
            double[] gradient = new double[d];
            double biasGradient = 0;
            for (int i = 0; i < at.pairCount(); i++) {
                for (int side = 0; side < 2; side++) {
                    float[] x = side == 0 ? at.positive()[i] : at.negative()[i];
                    int y = side == 0 ? 1 : 0;
                    double z = b;
                    for (int h = 0; h < d; h++) {
                        z += w[h] * x[h];
                    }
                    double error = 1 / (1 + Math.exp(-z)) - y;
                    for (int h = 0; h < d; h++) {
                        gradient[h] += c * error * x[h];
                    }
                    biasGradient += c * error;
                }
            }
            for (int h = 0; h < d; h++) {
                w[h] -= rate * (gradient[h] + w[h]);
            }
            b -= rate * biasGradient;
        }
        return w;
    }

    private static int[] indices(int n) {
        return VectorMath.allIndices(n);
    }

    private static DirectionEstimate extract(SteeringMethod method) {
        return ExtractorRegistry.defaults().get(method).extract(DATA.activations, LAYER, OPTIONS);
    }

    // ---- tests ----

    @Test
    void meanDifferenceMatchesTheReferenceAndRecoversThePlantedDirection() {
        DirectionEstimate estimate = extract(SteeringMethod.MEAN_DIFFERENCE);
        assertThat(SyntheticActivations.cosine(
                        estimate.direction(), referenceMeanDifference(DATA.activations.layer(LAYER))))
                .isGreaterThan(0.999999);
        assertThat(SyntheticActivations.cosine(estimate.direction(), DATA.planted))
                .isGreaterThan(0.99);
        assertThat(estimate.pairIndices()).hasSize(400);
        assertThat(estimate.heldOutAccuracy()).isNull();
    }

    @Test
    void pcaMatchesPowerIterationAndRecoversThePlantedDirectionWithTheMeanDifferencesSign() {
        DirectionEstimate estimate = extract(SteeringMethod.PCA);
        assertThat(SyntheticActivations.cosine(
                        estimate.direction(), referenceFirstComponent(DATA.activations.layer(LAYER))))
                .isGreaterThan(0.999999);
        assertThat(SyntheticActivations.cosine(estimate.direction(), DATA.planted))
                .isGreaterThan(0.99);
    }

    @Test
    void pcaFindsTheDirectionOfLargestSpreadWhenItDiffersFromTheMean() {
        // Differences spread widely along the plant but shifted slightly along another axis: the
        // component follows the spread, its sign the (positive) mean projection on it.
        int d = 16;
        float[][] positive = new float[200][d];
        float[][] negative = new float[200][d];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 200; i++) {
            positive[i][0] = (float) (0.2 + 5 * random.nextGaussian());
            positive[i][1] = (float) (1 + 0.1 * random.nextGaussian());
        }
        ContrastiveActivations activations = withLayer(positive, negative);
        float[] direction = ExtractorRegistry.defaults()
                .get(SteeringMethod.PCA)
                .extract(activations, LAYER, OPTIONS)
                .direction();
        assertThat(Math.abs(direction[0])).isGreaterThan(0.99f);
        double[] mean = referenceMeanDifference(activations.layer(LAYER));
        assertThat(direction[0] * mean[0] + direction[1] * mean[1]).isPositive();
    }

    @Test
    void linearProbeMatchesAPlainGradientDescentProbeAndRecoversThePlantedDirection() {
        DirectionEstimate estimate = extract(SteeringMethod.LINEAR_PROBE);
        assertThat(SyntheticActivations.cosine(estimate.direction(), DATA.planted))
                .isGreaterThan(0.99);
        double[] reference = referenceProbe(DATA.activations.layer(LAYER), 0.01);
        assertThat(SyntheticActivations.cosine(estimate.direction(), reference)).isGreaterThan(0.99);
        assertThat(estimate.heldOutAccuracy()).isGreaterThan(0.9);
        assertThat(estimate.pairIndices().length).isEqualTo(320); // a fifth of 400 pairs held out
    }

    @Test
    void linearProbeReportsChanceAccuracyWhenTheSidesDoNotDiffer() {
        SyntheticActivations noSignal = SyntheticActivations.generate(11, 200, 16, LAYER, 1.0, 0.0, 1.0);
        DirectionEstimate estimate = ExtractorRegistry.defaults()
                .get(SteeringMethod.LINEAR_PROBE)
                .extract(noSignal.activations, LAYER, OPTIONS);
        assertThat(estimate.heldOutAccuracy()).isBetween(0.3, 0.7);
    }

    @Test
    void actAddIsTheChosenPairsNormalisedDifferenceWithItsTokenCount() {
        DirectionEstimate estimate = ExtractorRegistry.defaults()
                .get(SteeringMethod.ACTADD)
                .extract(DATA.activations, LAYER, OPTIONS.withActAddPairIndex(5));
        LayerActivations at = DATA.activations.layer(LAYER);
        float[] difference = new float[at.hiddenSize()];
        for (int h = 0; h < difference.length; h++) {
            difference[h] = at.positive()[5][h] - at.negative()[5][h];
        }
        assertThat(SyntheticActivations.cosine(estimate.direction(), difference))
                .isGreaterThan(0.999999);
        assertThat(SyntheticActivations.cosine(estimate.direction(), DATA.planted))
                .isGreaterThan(0.99);
        assertThat(estimate.pairIndices()).containsExactly(5);
        assertThat(estimate.injectionPositions()).isEqualTo(3);
    }

    @Test
    void everyMethodFlipsItsDirectionWhenTheSidesAreSwapped() {
        ContrastiveActivations swapped = DATA.swapped(LAYER);
        for (SteeringMethod method : SteeringMethod.values()) {
            float[] forward = extract(method).direction();
            float[] backward = ExtractorRegistry.defaults()
                    .get(method)
                    .extract(swapped, LAYER, OPTIONS)
                    .direction();
            assertThat(SyntheticActivations.cosine(forward, backward))
                    .as(method.name())
                    .isLessThan(-0.99);
        }
    }

    @Test
    void identicalSidesHaveNoDirection() {
        float[][] same = new float[4][8];
        for (float[] row : same) {
            Arrays.fill(row, 1f);
        }
        ContrastiveActivations activations = withLayer(same, same);
        assertThatThrownBy(() -> ExtractorRegistry.defaults()
                        .get(SteeringMethod.MEAN_DIFFERENCE)
                        .extract(activations, LAYER, OPTIONS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no direction");
    }

    @Test
    void theRegistryServesEveryMethodAndAcceptsReplacements() {
        assertThat(ExtractorRegistry.defaults().methods()).containsExactlyInAnyOrder(SteeringMethod.values());
        SteeringMethodExtractor custom = new SteeringMethodExtractor() {
            @Override
            public SteeringMethod method() {
                return SteeringMethod.PCA;
            }

            @Override
            public DirectionEstimate extract(ContrastiveActivations activations, int layer, ExtractionOptions options) {
                float[] first = new float[activations.layer(layer).hiddenSize()];
                first[0] = 1;
                return new DirectionEstimate(first, new int[] {0}, null, 0);
            }
        };
        assertThat(ExtractorRegistry.defaults().with(custom).get(SteeringMethod.PCA))
                .isSameAs(custom);
        assertThatThrownBy(() -> ExtractorRegistry.empty().get(SteeringMethod.PCA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no extractor for PCA");
    }

    private static ContrastiveActivations withLayer(float[][] positive, float[][] negative) {
        java.util.List<ai.steersynth.contracts.pack.ContrastivePair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < positive.length; i++) {
            pairs.add(new ai.steersynth.contracts.pack.ContrastivePair(
                    ai.steersynth.contracts.pack.ContrastivePair.PairKind.TEXT, "", "p" + i, "n" + i));
        }
        return new ContrastiveActivations(
                pairs,
                java.util.Map.of(LAYER, new LayerActivations(LAYER, positive, negative, 1.0)),
                new int[positive.length],
                java.util.List.of(ActivationPositions.TEXT_COMPLETION_MEAN),
                null,
                null);
    }
}
