package ai.steersynth.engine.steering.extract;

import ai.steersynth.contracts.sweep.SteeringMethod;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The extractors by {@link SteeringMethod}. Immutable; {@link #with} returns a registry with one
 * more (or a replaced) extractor.
 */
public final class ExtractorRegistry {

    private final Map<SteeringMethod, SteeringMethodExtractor> extractors;

    private ExtractorRegistry(Map<SteeringMethod, SteeringMethodExtractor> extractors) {
        this.extractors = Collections.unmodifiableMap(new EnumMap<>(extractors));
    }

    /**
     * The built-in methods (MEAN_DIFFERENCE, PCA, LINEAR_PROBE, ACTADD), then any {@link
     * SteeringMethodExtractor} found by {@link ServiceLoader}, which replaces a built-in of the same
     * method.
     */
    public static ExtractorRegistry defaults() {
        ExtractorRegistry registry = empty().with(new MeanDifferenceExtractor())
                .with(new PcaExtractor())
                .with(new LinearProbeExtractor())
                .with(new ActAddExtractor());
        for (SteeringMethodExtractor extractor : ServiceLoader.load(SteeringMethodExtractor.class)) {
            registry = registry.with(extractor);
        }
        return registry;
    }

    /** A registry with no extractors. */
    public static ExtractorRegistry empty() {
        return new ExtractorRegistry(new EnumMap<>(SteeringMethod.class));
    }

    /** This registry plus {@code extractor}, replacing any extractor of the same method. */
    public ExtractorRegistry with(SteeringMethodExtractor extractor) {
        Map<SteeringMethod, SteeringMethodExtractor> copy = new EnumMap<>(SteeringMethod.class);
        copy.putAll(extractors);
        copy.put(extractor.method(), extractor);
        return new ExtractorRegistry(copy);
    }

    /**
     * The extractor of {@code method}.
     *
     * @throws IllegalArgumentException when none is registered
     */
    public SteeringMethodExtractor get(SteeringMethod method) {
        SteeringMethodExtractor extractor = extractors.get(method);
        if (extractor == null) {
            throw new IllegalArgumentException("no extractor for " + method + "; registered: " + extractors.keySet());
        }
        return extractor;
    }

    /** The methods with an extractor. */
    public Set<SteeringMethod> methods() {
        return extractors.keySet();
    }
}
