package ai.steersynth.trainer.domain;

import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.ml.embedding.SentenceEmbedder;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The detector kinds available, by name. Immutable. Some kinds read the config's own language model (such as
 * {@code lm-probe}); they are registered as factories of a {@link ModelSource} and built per run with {@link
 * #detector(String, ModelSource)}.
 */
public final class DetectorRegistry {

    /** The kind used when a sweep names none. */
    public static final String DEFAULT_KIND = EmbeddingLogisticRegressionDetector.KIND;

    private final Map<String, Detector> detectors;
    private final Map<String, Function<ModelSource, Detector>> modelDetectors;

    /**
     * @param detectors one detector per kind
     * @throws IllegalArgumentException if two share a kind
     */
    public DetectorRegistry(Collection<? extends Detector> detectors) {
        this(byKind(detectors), Map.of());
    }

    private DetectorRegistry(
            Map<String, Detector> detectors, Map<String, Function<ModelSource, Detector>> modelDetectors) {
        this.detectors = Collections.unmodifiableMap(new LinkedHashMap<>(detectors));
        this.modelDetectors = Collections.unmodifiableMap(new LinkedHashMap<>(modelDetectors));
    }

    private static Map<String, Detector> byKind(Collection<? extends Detector> detectors) {
        Map<String, Detector> byKind = new LinkedHashMap<>();
        for (Detector detector : detectors) {
            if (byKind.putIfAbsent(detector.kind(), detector) != null) {
                throw new IllegalArgumentException("two detectors of kind " + detector.kind());
            }
        }
        return byKind;
    }

    /** The kinds that need nothing beyond the sentence embedder: {@code embedding-logreg}. */
    public static DetectorRegistry withDefaults(SentenceEmbedder embedder) {
        return new DetectorRegistry(List.of(new EmbeddingLogisticRegressionDetector(embedder)));
    }

    /**
     * This registry plus a kind that reads the config's model.
     *
     * @param kind the kind's name
     * @param factory the detector for a model source; called once per run
     * @throws IllegalArgumentException if the kind is registered already
     */
    public DetectorRegistry withModelKind(String kind, Function<ModelSource, Detector> factory) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(factory, "factory");
        if (kinds().contains(kind)) {
            throw new IllegalArgumentException("two detectors of kind " + kind);
        }
        Map<String, Function<ModelSource, Detector>> more = new LinkedHashMap<>(modelDetectors);
        more.put(kind, factory);
        return new DetectorRegistry(detectors, more);
    }

    /**
     * The detector of a kind that needs no model.
     *
     * @throws IllegalArgumentException naming the known kinds when this one is unknown, or when it needs a model
     */
    public Detector get(String kind) {
        if (modelDetectors.containsKey(kind)) {
            throw new IllegalArgumentException(
                    "detector kind '" + kind + "' reads the config's model; name its source");
        }
        Detector detector = detectors.get(kind);
        if (detector == null) {
            throw new IllegalArgumentException("unknown detector kind '" + kind + "'; known: " + kinds());
        }
        return detector;
    }

    /**
     * The detector of a kind for a config whose model lives at {@code model}.
     *
     * @param model the config's model source; may be {@code null} for kinds that need no model
     * @throws IllegalArgumentException when the kind is unknown, or needs a model and none is given
     */
    public Detector detector(String kind, ModelSource model) {
        Function<ModelSource, Detector> factory = modelDetectors.get(kind);
        if (factory == null) {
            return get(kind);
        }
        if (model == null) {
            throw new IllegalArgumentException(
                    "detector kind '" + kind + "' reads the config's model, but no source is known for it");
        }
        return factory.apply(model);
    }

    /** Whether the kind reads the config's model. */
    public boolean needsModel(String kind) {
        return modelDetectors.containsKey(kind);
    }

    /** The registered kinds, in registration order (those without a model first). */
    public Set<String> kinds() {
        Set<String> kinds = new LinkedHashSet<>(detectors.keySet());
        kinds.addAll(modelDetectors.keySet());
        return Collections.unmodifiableSet(kinds);
    }
}
