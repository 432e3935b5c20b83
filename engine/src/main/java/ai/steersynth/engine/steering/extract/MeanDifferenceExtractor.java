package ai.steersynth.engine.steering.extract;

import ai.steersynth.contracts.sweep.SteeringMethod;

/** CAA / DiffMean: the mean over pairs of {@code positive - negative}, normalised. */
public final class MeanDifferenceExtractor implements SteeringMethodExtractor {

    @Override
    public SteeringMethod method() {
        return SteeringMethod.MEAN_DIFFERENCE;
    }

    @Override
    public DirectionEstimate extract(ContrastiveActivations activations, int layer, ExtractionOptions options) {
        LayerActivations at = activations.layer(layer);
        int[] pairs = VectorMath.allIndices(at.pairCount());
        double[] mean = VectorMath.meanDifference(at.positive(), at.negative(), pairs);
        return new DirectionEstimate(VectorMath.unit(mean, "the mean difference at layer " + layer), pairs, null, 0);
    }
}
