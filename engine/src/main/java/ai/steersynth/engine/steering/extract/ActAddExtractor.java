package ai.steersynth.engine.steering.extract;

import ai.steersynth.contracts.sweep.SteeringMethod;

/**
 * ActAdd: the activation difference of one prompt pair ({@link ExtractionOptions#actAddPairIndex()}),
 * normalised, to be injected at the first prompt positions; the number of positions is the pair's
 * read token count (its completion's length for a TEXT pair, 1 for an A/B item).
 */
public final class ActAddExtractor implements SteeringMethodExtractor {

    @Override
    public SteeringMethod method() {
        return SteeringMethod.ACTADD;
    }

    @Override
    public DirectionEstimate extract(ContrastiveActivations activations, int layer, ExtractionOptions options) {
        LayerActivations at = activations.layer(layer);
        int pair = options.actAddPairIndex();
        if (pair >= at.pairCount()) {
            throw new IllegalArgumentException(
                    "ACTADD pair index " + pair + " but only " + at.pairCount() + " pairs were collected");
        }
        double[] difference = VectorMath.difference(at.positive()[pair], at.negative()[pair]);
        return new DirectionEstimate(
                VectorMath.unit(difference, "pair " + pair + "'s difference at layer " + layer),
                new int[] {pair},
                null,
                Math.max(1, activations.readTokenCounts()[pair]));
    }
}
