package ai.steersynth.trainer.domain;

import ai.steersynth.ml.embedding.SentenceEmbedder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The detector kinds available, by name. Immutable. */
public final class DetectorRegistry {

    /** The kind used when a sweep names none. */
    public static final String DEFAULT_KIND = EmbeddingLogisticRegressionDetector.KIND;

    private final Map<String, Detector> detectors;

    /**
     * @param detectors one detector per kind
     * @throws IllegalArgumentException if two share a kind
     */
    public DetectorRegistry(Collection<? extends Detector> detectors) {
        Map<String, Detector> byKind = new LinkedHashMap<>();
        for (Detector detector : detectors) {
            if (byKind.putIfAbsent(detector.kind(), detector) != null) {
                throw new IllegalArgumentException("two detectors of kind " + detector.kind());
            }
        }
        this.detectors = java.util.Collections.unmodifiableMap(byKind);
    }

    /** The kinds that need nothing beyond the sentence embedder: {@code embedding-logreg}. */
    public static DetectorRegistry withDefaults(SentenceEmbedder embedder) {
        return new DetectorRegistry(List.of(new EmbeddingLogisticRegressionDetector(embedder)));
    }

    /**
     * The detector of a kind.
     *
     * @throws IllegalArgumentException naming the known kinds when this one is unknown
     */
    public Detector get(String kind) {
        Detector detector = detectors.get(kind);
        if (detector == null) {
            throw new IllegalArgumentException("unknown detector kind '" + kind + "'; known: " + detectors.keySet());
        }
        return detector;
    }

    /** The registered kinds, in registration order. */
    public Set<String> kinds() {
        return detectors.keySet();
    }
}
