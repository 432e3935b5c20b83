package ai.steersynth.engine.steering.extract;

import ai.steersynth.contracts.sweep.SteeringMethod;

/**
 * One way of turning contrastive activations into a steering direction. Implementations are
 * stateless and registered in an {@link ExtractorRegistry} under their {@link #method()}; a new
 * method plugs in by registering (or by a {@code java.util.ServiceLoader} entry), callers do not
 * change.
 */
public interface SteeringMethodExtractor {

    /** The method this extractor implements. */
    SteeringMethod method();

    /**
     * Extracts the unit direction at {@code layer}, oriented so that adding it moves activations
     * from the negative side toward the positive (concept) side.
     *
     * @throws IllegalArgumentException when the activations do not suit the method (too few pairs)
     * @throws IllegalStateException when the data hold no direction (e.g. identical sides)
     */
    DirectionEstimate extract(ContrastiveActivations activations, int layer, ExtractionOptions options);
}
