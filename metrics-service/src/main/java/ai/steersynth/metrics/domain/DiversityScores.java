package ai.steersynth.metrics.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The diversity axis of one config with every component kept: the sample-level scores averaged over its responses and
 * the set-level scores of the whole sample set.
 *
 * @param sampleLevel the component-wise mean of the per-response {@link SampleDiversity}
 * @param setLevel the diversity of the sample set as a whole
 */
public record DiversityScores(SampleDiversity sampleLevel, SetDiversity setLevel) {

    /** The number of samples measured. */
    public int sampleCount() {
        return setLevel.sampleCount();
    }

    /**
     * The diversity axis in [0, 1]: the mean of the sample-level score (is each response free of self-repetition?) and
     * the set-level score (are the responses unlike each other?). Steering too hard shows up in both: loops inside a
     * response and near-identical responses across prompts.
     */
    public double diversity() {
        return (sampleLevel.score() + setLevel.score()) / 2.0;
    }

    /**
     * Every component, combined score and the axis under a stable name ("sample.mattr", "set.vendiScore",
     * "diversity", ...), in a fixed order, for storage and display.
     */
    public Map<String, Double> components() {
        Map<String, Double> components = new LinkedHashMap<>();
        components.put("sample.distinct1", sampleLevel.distinct1());
        components.put("sample.distinct2", sampleLevel.distinct2());
        components.put("sample.distinct3", sampleLevel.distinct3());
        components.put("sample.mattr", sampleLevel.mattr());
        components.put("sample.herdanC", sampleLevel.herdanC());
        components.put("sample.compression", sampleLevel.compression());
        components.put("sample.nonRepetition", sampleLevel.nonRepetition());
        components.put("sample.score", sampleLevel.score());
        components.put("set.distinct1", setLevel.distinct1());
        components.put("set.distinct2", setLevel.distinct2());
        components.put("set.distinct3", setLevel.distinct3());
        components.put("set.selfBleu", setLevel.selfBleu());
        components.put("set.compression", setLevel.compression());
        components.put("set.meanCosineDistance", setLevel.meanCosineDistance());
        components.put("set.vendiScore", setLevel.vendiScore());
        components.put("set.normalisedVendiScore", setLevel.normalisedVendiScore());
        components.put("set.score", setLevel.score());
        components.put("diversity", diversity());
        return components;
    }
}
