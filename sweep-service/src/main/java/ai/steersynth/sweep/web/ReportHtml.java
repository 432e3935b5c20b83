package ai.steersynth.sweep.web;

import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.sweep.domain.SweepReport;
import ai.steersynth.sweep.domain.SweepReport.ConfigEntry;
import ai.steersynth.sweep.domain.SweepReport.ConfigIssue;
import ai.steersynth.sweep.domain.SweepReport.ConfigStatus;
import ai.steersynth.sweep.domain.SweepReport.Correlation;
import ai.steersynth.sweep.domain.SweepReport.CurvePoint;
import ai.steersynth.sweep.domain.SweepReport.ModelProvenance;
import ai.steersynth.sweep.domain.SweepReport.PackProvenance;
import ai.steersynth.sweep.domain.SweepReport.Section;
import ai.steersynth.sweep.domain.SweepReport.StrengthCurve;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders a {@link SweepReport} as one self-contained HTML page with server-side SVG plots: per
 * section the headline, the recommended configs, AUROC by config with CI whiskers and the
 * prompting/original lines, HM against AUROC, strength curves per method, the correlations and the
 * leaderboards. Every text from the report is escaped.
 */
final class ReportHtml {

    static final String STEERED = "#2b6cb0";
    static final String PROMPTING = "#dd6b20";
    static final String ORIGINAL = "#2f855a";
    private static final String SUCCESS = "#c53030";
    private static final String COHERENCE = "#2b6cb0";
    private static final String DIVERSITY = "#38a169";
    private static final String HM = "#553c9a";

    private ReportHtml() {}

    static String render(SweepReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(e("Sweep report: " + report.name()))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style></head><body>\n");
        html.append("<h1>").append(e(report.name())).append(" <small>").append(e(report.sweepId()));
        html.append(" &middot; ").append(e(String.valueOf(report.state()))).append("</small></h1>\n");
        reproducibility(html, report.reproducibility());
        if (report.sections().isEmpty()) {
            html.append("<p>The sweep has no configs.</p>\n");
        }
        for (Section section : report.sections()) {
            section(html, section);
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void reproducibility(StringBuilder html, SweepReport.Reproducibility r) {
        html.append("<table class=\"meta\">\n");
        row(html, "spec hash", "<code>" + e(r.specHash()) + "</code>");
        row(html, "code version", "<code>" + e(r.codeVersion()) + "</code>");
        for (ModelProvenance m : r.models()) {
            row(
                    html,
                    "model " + m.modelId(),
                    "<code>" + e(m.identity()) + "</code>"
                            + (m.contentHash() == null
                                    ? " <span class=\"muted\">(source; no content hash recorded)</span>"
                                    : ""));
        }
        for (PackProvenance p : r.packs()) {
            row(
                    html,
                    "concept pack " + p.conceptId(),
                    "<code>" + e(Objects.toString(p.contentHash(), "not recorded")) + "</code>");
        }
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String key, String valueHtml) {
        html.append("<tr><th>")
                .append(e(key))
                .append("</th><td>")
                .append(valueHtml)
                .append("</td></tr>\n");
    }

    private static void section(StringBuilder html, Section s) {
        html.append("<section>\n<h2>")
                .append(e(s.conceptId()))
                .append(" <small>on ")
                .append(e(s.modelId()));
        html.append("</small></h2>\n");
        judgeFlag(html, s.judgeValidity());
        html.append("<p class=\"headline\">")
                .append(e(s.beatPrompting().headline()))
                .append("</p>\n");
        html.append("<p class=\"sub\">prompting AUROC <b>")
                .append(num(s.beatPrompting().promptingAuroc()));
        html.append("</b> &middot; original-data AUROC <b>")
                .append(num(s.beatPrompting().originalAuroc()));
        html.append("</b> &middot; ").append(rhoSentence(s.correlations())).append("</p>\n");
        recommended(html, s);
        html.append("<div class=\"charts\">\n");
        html.append(ReportCharts.aurocByConfig(s));
        html.append(ReportCharts.hmVersusAuroc(s));
        for (StrengthCurve curve : s.strengthCurves()) {
            if (curve.points().stream().anyMatch(p -> p.success() != null || p.diversity() != null)) {
                html.append(ReportCharts.strengthCurve(s.conceptId(), curve));
            }
        }
        html.append("</div>\n");
        correlations(html, s.correlations());
        leaderboard(
                html,
                "Leaderboard by AUROC",
                s.leaderboardByAuroc(),
                s.beatPrompting().promptingAuroc());
        leaderboard(
                html,
                "Leaderboard by HM",
                s.leaderboardByHm(),
                s.beatPrompting().promptingAuroc());
        judge(html, s.judgeValidity());
        unfinished(html, s.unfinished());
        html.append("</section>\n");
    }

    private static String rhoSentence(List<Correlation> correlations) {
        return correlations.stream()
                .filter(c -> c.axis().equals("hm"))
                .findFirst()
                .map(c -> c.rho() == null
                        ? "Spearman(HM, AUROC): " + e(c.reason())
                        : "Spearman(HM, AUROC) <b>" + num(c.rho()) + "</b> [" + num(c.ciLow()) + ", " + num(c.ciHigh())
                                + "], n = " + c.n())
                .orElse("");
    }

    private static void recommended(StringBuilder html, Section s) {
        html.append("<ul class=\"recommended\">\n");
        html.append("<li>Recommended by HM: ")
                .append(entry(s.recommended().byHm()))
                .append("</li>\n");
        html.append("<li>Recommended by AUROC: ")
                .append(entry(s.recommended().byAuroc()))
                .append("</li>\n");
        html.append("</ul>\n");
    }

    private static String entry(ConfigEntry c) {
        if (c == null) {
            return "<span class=\"muted\">none yet</span>";
        }
        return "<b>" + e(c.label()) + "</b> (HM "
                + num(c.quality() == null ? null : c.quality().hm()) + ", AUROC "
                + num(c.detector() == null ? null : c.detector().auroc()) + ")";
    }

    private static void correlations(StringBuilder html, List<Correlation> correlations) {
        html.append("<h3>Spearman correlation with AUROC (steering configs)</h3>\n<table>\n");
        html.append("<tr><th>axis</th><th>n</th><th>rho</th><th>95 % CI</th><th>note</th></tr>\n");
        for (Correlation c : correlations) {
            html.append("<tr><td>")
                    .append(e(c.axis()))
                    .append("</td><td class=\"n\">")
                    .append(c.n());
            html.append("</td><td class=\"n\">").append(num(c.rho())).append("</td><td class=\"n\">");
            html.append(c.rho() == null ? "" : "[" + num(c.ciLow()) + ", " + num(c.ciHigh()) + "]");
            html.append("</td><td>").append(e(c.reason())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void leaderboard(StringBuilder html, String title, List<ConfigEntry> entries, Double prompting) {
        html.append("<h3>").append(e(title)).append("</h3>\n");
        if (entries.isEmpty()) {
            html.append("<p class=\"muted\">No config has the numbers yet.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>#</th><th>config</th><th>kind</th><th>success</th><th>coherence</th>");
        html.append("<th>diversity</th><th>HM</th><th>AUROC</th><th>95 % CI</th></tr>\n");
        int rank = 1;
        for (ConfigEntry c : entries) {
            boolean beats = c.kind() == ConfigKind.STEERED
                    && prompting != null
                    && c.detector() != null
                    && c.detector().auroc() > prompting;
            html.append(beats ? "<tr class=\"beats\">" : "<tr>");
            html.append("<td class=\"n\">").append(rank++).append("</td><td>").append(e(c.label()));
            html.append("</td><td>").append(e(kind(c.kind()))).append("</td>");
            var q = c.quality();
            html.append("<td class=\"n\">")
                    .append(num(q == null ? null : q.success()))
                    .append("</td>");
            html.append("<td class=\"n\">")
                    .append(num(q == null ? null : q.coherence()))
                    .append("</td>");
            html.append("<td class=\"n\">")
                    .append(num(q == null ? null : q.diversity()))
                    .append("</td>");
            html.append("<td class=\"n\"><b>")
                    .append(num(q == null ? null : q.hm()))
                    .append("</b></td>");
            var d = c.detector();
            html.append("<td class=\"n\"><b>")
                    .append(num(d == null ? null : d.auroc()))
                    .append("</b></td>");
            html.append("<td class=\"n\">")
                    .append(d == null ? "" : "[" + num(d.aurocCiLow()) + ", " + num(d.aurocCiHigh()) + "]");
            html.append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (prompting != null) {
            html.append("<p class=\"muted\">Highlighted: steering configs whose AUROC is above prompting's.</p>\n");
        }
    }

    /** Right under the concept's header: an invalid judge makes the section's success and HM no evidence. */
    private static void judgeFlag(StringBuilder html, SweepReport.JudgeValidity j) {
        if (j.flag() != null) {
            html.append("<p class=\"flag\">&#9888; ").append(e(j.flag())).append("</p>\n");
        }
    }

    private static void judge(StringBuilder html, SweepReport.JudgeValidity j) {
        html.append("<h3>Judge validity</h3>\n<p>").append(j.samplesJudged()).append(" samples judged, ");
        html.append(j.judgementsFailed()).append(" could not be judged.</p>\n<p>");
        if (j.judgeId() == null) {
            html.append("Judge AUROC on the real test split: ").append(e(j.validityNote()));
        } else {
            html.append("Judge <code>")
                    .append(e(j.judgeId()))
                    .append("</code> AUROC on the real test split <b>")
                    .append(num(j.validityAuroc()));
            html.append("</b> (")
                    .append(j.examples())
                    .append(" examples, threshold ")
                    .append(num(j.threshold()))
                    .append("): ");
            html.append(j.valid() == null ? "not assessable" : j.valid() ? "valid" : "<b>invalid</b>");
            if (j.validityNote() != null) {
                html.append(" &middot; ").append(e(j.validityNote()));
            }
        }
        html.append("</p>\n");
        if (!j.configsWithIssues().isEmpty()) {
            html.append("<table>\n<tr><th>config</th><th>judged</th><th>failed</th><th>error</th></tr>\n");
            for (ConfigIssue i : j.configsWithIssues()) {
                html.append("<tr><td>")
                        .append(e(i.label()))
                        .append("</td><td class=\"n\">")
                        .append(i.samplesJudged());
                html.append("</td><td class=\"n\">")
                        .append(i.judgementsFailed())
                        .append("</td><td>");
                html.append(e(i.error())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
    }

    private static void unfinished(StringBuilder html, List<ConfigStatus> unfinished) {
        if (unfinished.isEmpty()) {
            return;
        }
        html.append("<h3>Not finished</h3>\n<table>\n<tr><th>config</th><th>state</th><th>detail</th></tr>\n");
        for (ConfigStatus c : unfinished) {
            html.append("<tr><td>").append(e(c.label())).append("</td><td>").append(e(c.progress()));
            html.append("</td><td>").append(e(c.detail())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    static String kind(ConfigKind kind) {
        return switch (kind) {
            case STEERED -> "steered";
            case PROMPTING_BASELINE -> "prompting";
            case ORIGINAL_DATA -> "original";
        };
    }

    static String num(Double v) {
        return v == null ? "&ndash;" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String e(String text) {
        return Html.escape(text);
    }

    /** Strength-curve axes and their colours, for the legend. */
    static final String[][] CURVE_AXES = {
        {"success", SUCCESS}, {"coherence", COHERENCE}, {"diversity", DIVERSITY}, {"HM", HM}
    };

    static Double axis(CurvePoint p, int axis) {
        return switch (axis) {
            case 0 -> p.success();
            case 1 -> p.coherence();
            case 2 -> p.diversity();
            default -> p.hm();
        };
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 24px auto;
                   max-width: 1100px; color: #1a202c; padding: 0 16px; }
            h1 small, h2 small { color: #718096; font-weight: normal; font-size: 0.6em; }
            section { border-top: 2px solid #e2e8f0; margin-top: 28px; padding-top: 8px; }
            .headline { font-size: 1.5em; font-weight: 600; margin: 8px 0 4px; }
            .sub { color: #4a5568; margin-top: 0; }
            .charts { display: flex; flex-wrap: wrap; gap: 12px; }
            .charts svg { border: 1px solid #e2e8f0; border-radius: 4px; }
            table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.9em; }
            th, td { border-bottom: 1px solid #e2e8f0; padding: 4px 10px; text-align: left; vertical-align: top; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            tr.beats td { background: #ebf8ff; }
            table.meta th { color: #4a5568; font-weight: normal; }
            code { font-size: 0.85em; word-break: break-all; }
            .muted { color: #718096; }
            .flag { background: #fff5f5; border-left: 4px solid #c53030; color: #742a2a; padding: 6px 10px; }
            ul.recommended { padding-left: 20px; }
            """;
}
