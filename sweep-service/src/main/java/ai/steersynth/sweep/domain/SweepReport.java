package ai.steersynth.sweep.domain;

import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.contracts.sweep.StrengthMode;
import java.util.List;

/**
 * A sweep's report, computed by {@link SweepReportBuilder} from stored numbers only. docs/report.md
 * explains every field.
 *
 * @param sweepId the sweep
 * @param name its name
 * @param state its lifecycle state when the report was computed
 * @param reproducibility what is needed to reproduce it
 * @param sections one per (concept, model), in the order the sweep names them
 */
public record SweepReport(
        String sweepId, String name, SweepState state, Reproducibility reproducibility, List<Section> sections) {

    /**
     * What the sweep ran: spec hash, code version, models and concept packs.
     *
     * @param specHash sha256 of the submitted spec with defaults filled in
     * @param codeVersion the sweep service's version
     * @param models each model with its source
     * @param packs each concept pack with its content hash
     */
    public record Reproducibility(
            String specHash, String codeVersion, List<ModelProvenance> models, List<PackProvenance> packs) {}

    /**
     * A model as the sweep used it.
     *
     * @param modelId the model id
     * @param source the registered source ({@code hf:org/name}, directory or {@code .gguf} path)
     * @param contentHash the weights' content hash when known, else null
     * @param identity the content hash when known, else the source: what pins the model
     */
    public record ModelProvenance(String modelId, String source, String contentHash, String identity) {

        /** A model known only by its source. */
        public static ModelProvenance ofSource(String modelId, String source) {
            return new ModelProvenance(modelId, source, null, source);
        }
    }

    /** A concept pack and its content hash at submission (null when not recorded). */
    public record PackProvenance(String conceptId, String contentHash) {}

    /**
     * The report of one concept on one model.
     *
     * @param conceptId the concept
     * @param modelId the model
     * @param promptingBaseline the prompting-baseline config, or null
     * @param originalData the original-data reference, or null
     * @param beatPrompting how many steering configs beat prompting on AUROC
     * @param leaderboardByAuroc configs with a detector run (all kinds), best AUROC first
     * @param leaderboardByHm configs with a quality score (steered and prompting), best HM first
     * @param correlations Spearman correlations of each quality axis with AUROC over steered configs
     * @param strengthCurves quality axes against strength, per method and layer
     * @param recommended the steering config to pick, by HM and by AUROC
     * @param judgeValidity what is known about the judge's reliability on these configs
     * @param unfinished configs that have not finished every stage, with their state
     */
    public record Section(
            String conceptId,
            String modelId,
            ConfigEntry promptingBaseline,
            ConfigEntry originalData,
            BeatPrompting beatPrompting,
            List<ConfigEntry> leaderboardByAuroc,
            List<ConfigEntry> leaderboardByHm,
            List<Correlation> correlations,
            List<StrengthCurve> strengthCurves,
            Recommendation recommended,
            JudgeValidity judgeValidity,
            List<ConfigStatus> unfinished) {}

    /**
     * One config with its scores.
     *
     * @param quality success, coherence, diversity and HM; null until judged and measured
     * @param detector the detector's AUROC with CI; null until trained
     */
    public record ConfigEntry(
            String configId,
            String label,
            ConfigKind kind,
            SteeringMethod method,
            Integer layer,
            Double strength,
            StrengthMode strengthMode,
            Quality quality,
            Detector detector) {}

    /**
     * The intrinsic axes of a config and their harmonic mean ({@code QualityScore.of}).
     *
     * @param successTimesCoherence mean success times mean coherence
     */
    public record Quality(
            double success, double coherence, double diversity, double hm, double successTimesCoherence) {}

    /** The detector's AUROC on the real test split with its bootstrap 95 % CI and spread over seeds. */
    public record Detector(double auroc, double aurocCiLow, double aurocCiHigh, double aurocStd, double auprc) {}

    /**
     * The headline: steering configs whose mean AUROC is strictly above the prompting baseline's.
     *
     * @param count how many beat it; null when the baseline has no AUROC yet
     * @param of steering configs with a detector run
     * @param steeredConfigs steering configs in the section, with or without a detector run
     * @param promptingAuroc the baseline's AUROC, or null
     * @param originalAuroc the original-data AUROC, or null
     * @param headline the sentence, e.g. {@code 3 of 8 steering configs beat prompting}
     */
    public record BeatPrompting(
            Integer count, int of, int steeredConfigs, Double promptingAuroc, Double originalAuroc, String headline) {}

    /**
     * Spearman's rho between one axis and AUROC with a paired bootstrap 95 % CI.
     *
     * @param axis {@code hm}, {@code success}, {@code coherence}, {@code diversity} or
     *     {@code successTimesCoherence}
     * @param n steering configs with both the axis and AUROC
     * @param rho the correlation, or null (see reason)
     * @param ciLow lower end of the CI, or null
     * @param ciHigh upper end of the CI, or null
     * @param resamples bootstrap resamples drawn, or null
     * @param validResamples bootstrap resamples on which rho was defined, or null
     * @param reason why rho is null, else null
     */
    public record Correlation(
            String axis,
            int n,
            Double rho,
            Double ciLow,
            Double ciHigh,
            Integer resamples,
            Integer validResamples,
            String reason) {}

    /** Quality axes against strength for one method and layer; points sorted by strength. */
    public record StrengthCurve(
            SteeringMethod method, Integer layer, StrengthMode strengthMode, List<CurvePoint> points) {}

    /** One config on a strength curve; an axis is null until it is known. */
    public record CurvePoint(
            double strength, String configId, Double success, Double coherence, Double diversity, Double hm) {}

    /**
     * The steering config to pick.
     *
     * @param byHm the highest HM (ties: higher AUROC, then the earlier config)
     * @param byAuroc the highest AUROC (ties: higher HM, then the earlier config)
     */
    public record Recommendation(ConfigEntry byHm, ConfigEntry byAuroc) {}

    /**
     * What is known of the judge's reliability: how many samples it scored and how many it could not, and
     * how well its success score separates the concept's real test split.
     *
     * @param configsWithIssues configs where judgements failed or a stage reported an error
     * @param judgeId the judge that was assessed on the concept, or null when not assessed yet
     * @param validityAuroc AUROC of the judge's success score on the pack's real labelled test split, or null
     * @param examples test examples that AUROC was computed on (0 when not assessed)
     * @param threshold the AUROC below which the judge is invalid, or null when not assessed yet
     * @param valid {@code validityAuroc >= threshold}; null when not assessed yet or without an AUROC
     * @param flag one line saying the judge is invalid and its success and HM are no evidence; null otherwise
     * @param validityNote {@code not assessed yet}, or why there is no AUROC, or which examples were
     *     unscored; null otherwise
     */
    public record JudgeValidity(
            int samplesJudged,
            int judgementsFailed,
            List<ConfigIssue> configsWithIssues,
            String judgeId,
            Double validityAuroc,
            int examples,
            Double threshold,
            Boolean valid,
            String flag,
            String validityNote) {}

    /** A config with failed judgements or an error. */
    public record ConfigIssue(String configId, String label, int samplesJudged, int judgementsFailed, String error) {}

    /**
     * A config that has not finished every stage.
     *
     * @param progress {@code GENERATING}, {@code JUDGING}, {@code MEASURING}, {@code TRAINING} or {@code FAILED}
     * @param detail what is missing or why it failed
     */
    public record ConfigStatus(String configId, String label, ConfigKind kind, String progress, String detail) {}
}
