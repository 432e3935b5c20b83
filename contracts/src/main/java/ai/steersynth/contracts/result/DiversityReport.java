package ai.steersynth.contracts.result;

import java.util.Map;

/**
 * Diversity of one config's sample set.
 *
 * @param sampleLevel mean over samples of the per-response score, in [0, 1]
 * @param setLevel diversity of the whole set, in [0, 1]
 * @param diversity the combined axis, in [0, 1]
 * @param components every component metric by name (documented in docs/metrics.md)
 */
public record DiversityReport(double sampleLevel, double setLevel, double diversity, Map<String, Double> components) {

    public DiversityReport {
        components = components == null ? Map.of() : Map.copyOf(components);
    }
}
