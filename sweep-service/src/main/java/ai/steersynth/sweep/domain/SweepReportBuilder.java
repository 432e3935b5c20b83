package ai.steersynth.sweep.domain;

import ai.steersynth.contracts.result.DetectorRun;
import ai.steersynth.contracts.result.QualityScore;
import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.sweep.domain.SweepReport.BeatPrompting;
import ai.steersynth.sweep.domain.SweepReport.ConfigEntry;
import ai.steersynth.sweep.domain.SweepReport.ConfigIssue;
import ai.steersynth.sweep.domain.SweepReport.ConfigStatus;
import ai.steersynth.sweep.domain.SweepReport.Correlation;
import ai.steersynth.sweep.domain.SweepReport.Detector;
import ai.steersynth.sweep.domain.SweepReport.JudgeValidity;
import ai.steersynth.sweep.domain.SweepReport.PackProvenance;
import ai.steersynth.sweep.domain.SweepReport.Quality;
import ai.steersynth.sweep.domain.SweepReport.Recommendation;
import ai.steersynth.sweep.domain.SweepReport.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Computes a {@link SweepReport} from a sweep's stored numbers. Pure: the same facts give the same
 * report (the bootstrap is seeded).
 */
public final class SweepReportBuilder {

    /** Bootstrap resamples of each correlation's CI. */
    public static final int BOOTSTRAP_RESAMPLES = AurocCorrelations.BOOTSTRAP_RESAMPLES;

    /** Builds the report. */
    public SweepReport build(SweepFacts facts) {
        Map<String, List<Indexed>> bySection = new LinkedHashMap<>();
        for (int i = 0; i < facts.configs().size(); i++) {
            ConfigFacts config = facts.configs().get(i);
            String key = config.spec().conceptId() + "\u0000" + config.spec().modelId();
            bySection.computeIfAbsent(key, k -> new ArrayList<>()).add(new Indexed(i, config, entry(config)));
        }
        List<Section> sections = bySection.values().stream()
                .map(c -> section(c, facts.judgeAssessments()))
                .toList();
        Set<String> concepts = new LinkedHashSet<>();
        facts.configs().forEach(c -> concepts.add(c.spec().conceptId()));
        List<PackProvenance> packs = concepts.stream()
                .map(c -> new PackProvenance(c, facts.packHashes().get(c)))
                .toList();
        return new SweepReport(
                facts.sweepId(),
                facts.name(),
                facts.state(),
                new SweepReport.Reproducibility(facts.specHash(), facts.codeVersion(), facts.models(), packs),
                sections);
    }

    /** A config with its position in the sweep (the last tie-breaker) and its report entry. */
    private record Indexed(int ordinal, ConfigFacts facts, ConfigEntry entry) {}

    private static Section section(List<Indexed> configs, Map<String, JudgeAssessment> assessments) {
        ConfigSpec first = configs.get(0).facts().spec();
        List<Indexed> steered = ofKind(configs, ConfigKind.STEERED);
        ConfigEntry baseline = firstOfKind(configs, ConfigKind.PROMPTING_BASELINE);
        ConfigEntry original = firstOfKind(configs, ConfigKind.ORIGINAL_DATA);
        List<Indexed> byAuroc = configs.stream()
                .filter(c -> c.entry().detector() != null)
                .sorted(BY_AUROC)
                .toList();
        List<Indexed> byHm = configs.stream()
                .filter(c -> c.entry().quality() != null)
                .sorted(BY_HM)
                .toList();
        return new Section(
                first.conceptId(),
                first.modelId(),
                baseline,
                original,
                beatPrompting(steered, baseline, original),
                entries(byAuroc),
                entries(byHm),
                correlations(steered),
                StrengthCurves.of(steered.stream().map(Indexed::entry).toList()),
                new Recommendation(
                        firstSteered(byHm).orElse(null), firstSteered(byAuroc).orElse(null)),
                judgeValidity(configs, assessments.get(first.conceptId())),
                unfinished(configs));
    }

    /** Best AUROC first; ties: higher HM (a config without one last), then the earlier config. */
    private static final Comparator<Indexed> BY_AUROC = Comparator.<Indexed>comparingDouble(
                    c -> -c.entry().detector().auroc())
            .thenComparingDouble(c -> c.entry().quality() == null
                    ? Double.POSITIVE_INFINITY
                    : -c.entry().quality().hm())
            .thenComparingInt(Indexed::ordinal);

    /** Best HM first; ties: higher AUROC (a config without one last), then the earlier config. */
    private static final Comparator<Indexed> BY_HM = Comparator.<Indexed>comparingDouble(
                    c -> -c.entry().quality().hm())
            .thenComparingDouble(c -> c.entry().detector() == null
                    ? Double.POSITIVE_INFINITY
                    : -c.entry().detector().auroc())
            .thenComparingInt(Indexed::ordinal);

    static BeatPrompting beatPrompting(List<Indexed> steered, ConfigEntry baseline, ConfigEntry original) {
        List<Double> aurocs = steered.stream()
                .filter(c -> c.entry().detector() != null)
                .map(c -> c.entry().detector().auroc())
                .toList();
        Double prompting = baseline == null || baseline.detector() == null
                ? null
                : baseline.detector().auroc();
        Double originalAuroc = original == null || original.detector() == null
                ? null
                : original.detector().auroc();
        if (prompting == null) {
            String headline = aurocs.isEmpty()
                    ? "no steering config has an AUROC yet"
                    : "the prompting baseline has no AUROC yet (%d steering configs have one)".formatted(aurocs.size());
            return new BeatPrompting(null, aurocs.size(), steered.size(), null, originalAuroc, headline);
        }
        int wins = (int) aurocs.stream().filter(a -> a > prompting).count();
        String headline = "%d of %d steering configs beat prompting".formatted(wins, aurocs.size());
        if (aurocs.size() < steered.size()) {
            headline += " (%d more without an AUROC yet)".formatted(steered.size() - aurocs.size());
        }
        return new BeatPrompting(wins, aurocs.size(), steered.size(), prompting, originalAuroc, headline);
    }

    private static List<Correlation> correlations(List<Indexed> steered) {
        return AurocCorrelations.of(steered.stream().map(Indexed::entry).toList());
    }

    /** Said of a concept whose judge the judge-service has not assessed yet. */
    public static final String NOT_ASSESSED = "not assessed yet";

    static JudgeValidity judgeValidity(List<Indexed> configs, JudgeAssessment assessment) {
        int judged = 0;
        int failed = 0;
        List<ConfigIssue> issues = new ArrayList<>();
        for (Indexed c : configs) {
            ConfigFacts f = c.facts();
            judged += f.samplesJudged();
            failed += f.judgementsFailed();
            if (f.judgementsFailed() > 0 || f.error() != null) {
                issues.add(new ConfigIssue(
                        f.spec().configId(), f.spec().label(), f.samplesJudged(), f.judgementsFailed(), f.error()));
            }
        }
        if (assessment == null) {
            return new JudgeValidity(judged, failed, issues, null, null, 0, null, null, null, NOT_ASSESSED);
        }
        return new JudgeValidity(
                judged,
                failed,
                issues,
                assessment.judgeId(),
                assessment.auroc(),
                assessment.examples(),
                assessment.threshold(),
                assessment.valid(),
                flag(assessment),
                assessment.reason());
    }

    /** One line when the judge's success score does not separate the concept's real test split. */
    static String flag(JudgeAssessment a) {
        if (a.auroc() == null || !Boolean.FALSE.equals(a.valid())) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "the %s judge's success score cannot tell real %s violations from non-violations (AUROC %.2f < %.2f"
                        + " on the real test split, %d examples): its success and HM are not evidence",
                a.judgeId(),
                a.conceptId(),
                a.auroc(),
                a.threshold(),
                a.examples());
    }

    static List<ConfigStatus> unfinished(List<Indexed> configs) {
        List<ConfigStatus> out = new ArrayList<>();
        for (Indexed c : configs) {
            ConfigFacts f = c.facts();
            if (!f.complete()) {
                out.add(f.status());
            }
        }
        return out;
    }

    /** The report entry of one config: quality once judged and measured, detector once trained. */
    public static ConfigEntry entry(ConfigFacts f) {
        ConfigSpec spec = f.spec();
        return new ConfigEntry(
                spec.configId(),
                spec.label(),
                spec.kind(),
                spec.method(),
                spec.layer(),
                spec.strength(),
                spec.strengthMode(),
                quality(f),
                detector(f.detectorRun()));
    }

    private static Quality quality(ConfigFacts f) {
        if (f.meanSuccess() == null || f.meanCoherence() == null || f.diversity() == null) {
            return null;
        }
        // Sums of scores in [0, 1] divided by their count can land a rounding error outside the range.
        QualityScore score = QualityScore.of(unit(f.meanSuccess()), unit(f.meanCoherence()), unit(f.diversity()));
        return new Quality(
                score.success(),
                score.coherence(),
                score.diversity(),
                score.harmonicMean(),
                score.success() * score.coherence());
    }

    private static Detector detector(DetectorRun run) {
        return run == null
                ? null
                : new Detector(run.auroc(), run.aurocCiLow(), run.aurocCiHigh(), run.aurocStd(), run.auprc());
    }

    private static List<Indexed> ofKind(List<Indexed> configs, ConfigKind kind) {
        return configs.stream().filter(c -> c.facts().spec().kind() == kind).toList();
    }

    private static ConfigEntry firstOfKind(List<Indexed> configs, ConfigKind kind) {
        return ofKind(configs, kind).stream().findFirst().map(Indexed::entry).orElse(null);
    }

    private static java.util.Optional<ConfigEntry> firstSteered(List<Indexed> ranked) {
        return ranked.stream()
                .map(Indexed::entry)
                .filter(e -> e.kind() == ConfigKind.STEERED)
                .findFirst();
    }

    private static List<ConfigEntry> entries(List<Indexed> ranked) {
        return ranked.stream().map(Indexed::entry).toList();
    }

    private static double unit(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
