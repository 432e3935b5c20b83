package ai.steersynth.sweep.domain;

import java.util.List;
import java.util.Map;

/**
 * Everything a sweep report is computed from: the sweep's identity, what it ran against, and its
 * configs in ordinal order.
 *
 * @param sweepId the sweep
 * @param name its name
 * @param state its lifecycle state
 * @param specHash sha256 of the submitted spec with defaults filled in
 * @param codeVersion the sweep service's version ({@code Implementation-Version}, or {@code dev})
 * @param models the models the configs name, with their sources
 * @param packHashes content hash of each concept pack at submission, by concept id
 * @param configs the configs, in ordinal order
 * @param judgeAssessments the judge's validity per concept id, for the concepts assessed so far
 */
public record SweepFacts(
        String sweepId,
        String name,
        SweepState state,
        String specHash,
        String codeVersion,
        List<SweepReport.ModelProvenance> models,
        Map<String, String> packHashes,
        List<ConfigFacts> configs,
        Map<String, JudgeAssessment> judgeAssessments) {

    public SweepFacts {
        models = List.copyOf(models);
        packHashes = Map.copyOf(packHashes);
        configs = List.copyOf(configs);
        judgeAssessments = Map.copyOf(judgeAssessments);
    }

    /** Facts with no judge assessment yet. */
    public SweepFacts(
            String sweepId,
            String name,
            SweepState state,
            String specHash,
            String codeVersion,
            List<SweepReport.ModelProvenance> models,
            Map<String, String> packHashes,
            List<ConfigFacts> configs) {
        this(sweepId, name, state, specHash, codeVersion, models, packHashes, configs, Map.of());
    }
}
