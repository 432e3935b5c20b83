package ai.steersynth.sweep.web;

import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.sweep.domain.SweepReport.ConfigEntry;
import ai.steersynth.sweep.domain.SweepReport.CurvePoint;
import ai.steersynth.sweep.domain.SweepReport.Section;
import ai.steersynth.sweep.domain.SweepReport.StrengthCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's plots, each an {@code <svg>} element drawn from one section of the report. */
final class ReportCharts {

    private ReportCharts() {}

    /** AUROC of every config with a detector run, best first, with CI whiskers and reference lines. */
    static String aurocByConfig(Section s) {
        List<ConfigEntry> entries = s.leaderboardByAuroc();
        if (entries.isEmpty()) {
            return empty("AUROC by config", "no detector run yet");
        }
        Double prompting = s.beatPrompting().promptingAuroc();
        Double original = s.beatPrompting().originalAuroc();
        double low = 1;
        double high = 0;
        for (ConfigEntry c : entries) {
            low = Math.min(low, Math.min(c.detector().aurocCiLow(), c.detector().auroc()));
            high = Math.max(
                    high, Math.max(c.detector().aurocCiHigh(), c.detector().auroc()));
        }
        for (Double ref : new Double[] {prompting, original}) {
            if (ref != null) {
                low = Math.min(low, ref);
                high = Math.max(high, ref);
            }
        }
        double pad = Math.max(0.02, (high - low) * 0.08);
        int width = Math.max(560, 64 + 150 + entries.size() * 30);
        SvgChart chart = new SvgChart(
                        width, 400, 120, -0.6, entries.size() - 0.4, Math.max(0, low - pad), Math.min(1, high + pad))
                .yAxis("AUROC (real test split)");
        if (prompting != null) {
            chart.referenceLine(prompting, ReportHtml.PROMPTING, "prompting " + fmt(prompting));
        }
        if (original != null) {
            chart.referenceLine(original, ReportHtml.ORIGINAL, "original " + fmt(original));
        }
        for (int i = 0; i < entries.size(); i++) {
            ConfigEntry c = entries.get(i);
            String color = color(c.kind());
            chart.whisker(i, c.detector().aurocCiLow(), c.detector().aurocCiHigh(), color)
                    .point(
                            i,
                            c.detector().auroc(),
                            color,
                            c.label() + ": AUROC " + fmt(c.detector().auroc()) + " ["
                                    + fmt(c.detector().aurocCiLow()) + ", "
                                    + fmt(c.detector().aurocCiHigh()) + "]")
                    .category(i, shortLabel(s.conceptId(), c));
        }
        return chart.legend(ReportHtml.STEERED, "steered")
                .legend(ReportHtml.PROMPTING, "prompting")
                .legend(ReportHtml.ORIGINAL, "original")
                .render("AUROC by config, with bootstrap 95 % CI");
    }

    /** HM against AUROC for every config that has both. */
    static String hmVersusAuroc(Section s) {
        List<ConfigEntry> both = new ArrayList<>();
        for (ConfigEntry c : s.leaderboardByAuroc()) {
            if (c.quality() != null) {
                both.add(c);
            }
        }
        if (both.isEmpty()) {
            return empty("HM vs AUROC", "no config has both HM and AUROC yet");
        }
        double xLow = 1;
        double xHigh = 0;
        double yLow = 1;
        double yHigh = 0;
        for (ConfigEntry c : both) {
            xLow = Math.min(xLow, c.quality().hm());
            xHigh = Math.max(xHigh, c.quality().hm());
            yLow = Math.min(yLow, c.detector().auroc());
            yHigh = Math.max(yHigh, c.detector().auroc());
        }
        Double prompting = s.beatPrompting().promptingAuroc();
        if (prompting != null) {
            yLow = Math.min(yLow, prompting);
            yHigh = Math.max(yHigh, prompting);
        }
        double xPad = Math.max(0.02, (xHigh - xLow) * 0.08);
        double yPad = Math.max(0.02, (yHigh - yLow) * 0.08);
        SvgChart chart = new SvgChart(
                        520,
                        400,
                        48,
                        Math.max(0, xLow - xPad),
                        Math.min(1, xHigh + xPad),
                        Math.max(0, yLow - yPad),
                        Math.min(1, yHigh + yPad))
                .yAxis("AUROC")
                .xAxis("HM of success, coherence, diversity");
        if (prompting != null) {
            chart.referenceLine(prompting, ReportHtml.PROMPTING, "prompting");
        }
        for (ConfigEntry c : both) {
            chart.point(
                    c.quality().hm(),
                    c.detector().auroc(),
                    color(c.kind()),
                    c.label() + ": HM " + fmt(c.quality().hm()) + ", AUROC "
                            + fmt(c.detector().auroc()));
        }
        String rho = s.correlations().stream()
                .filter(c -> c.axis().equals("hm") && c.rho() != null)
                .findFirst()
                .map(c -> " (Spearman rho " + fmt(c.rho()) + ")")
                .orElse("");
        return chart.legend(ReportHtml.STEERED, "steered")
                .legend(ReportHtml.PROMPTING, "prompting")
                .render("HM vs AUROC" + rho);
    }

    /** Success, coherence, diversity and HM against strength for one method and layer. */
    static String strengthCurve(String conceptId, StrengthCurve curve) {
        List<CurvePoint> points = curve.points();
        double xLow = points.get(0).strength();
        double xHigh = points.get(points.size() - 1).strength();
        double pad = Math.max(1e-3, (xHigh - xLow) * 0.05);
        String strengthTitle = curve.strengthMode() == null
                ? "strength"
                : "strength (" + curve.strengthMode().name().toLowerCase(Locale.ROOT) + ")";
        SvgChart chart = new SvgChart(520, 340, 48, xLow - pad, xHigh + pad, 0, 1)
                .yAxis("score")
                .xAxis(strengthTitle);
        for (int axis = 0; axis < ReportHtml.CURVE_AXES.length; axis++) {
            String name = ReportHtml.CURVE_AXES[axis][0];
            String color = ReportHtml.CURVE_AXES[axis][1];
            List<double[]> known = new ArrayList<>();
            for (CurvePoint p : points) {
                Double v = ReportHtml.axis(p, axis);
                if (v != null) {
                    known.add(new double[] {p.strength(), v});
                }
            }
            if (known.isEmpty()) {
                continue;
            }
            double[] xs = known.stream().mapToDouble(k -> k[0]).toArray();
            double[] ys = known.stream().mapToDouble(k -> k[1]).toArray();
            chart.polyline(xs, ys, color, name.equals("HM") ? "5 3" : null);
            for (double[] k : known) {
                chart.point(k[0], k[1], color, name + " at strength " + fmt(k[0]) + ": " + fmt(k[1]));
            }
            chart.legend(color, name);
        }
        return chart.render(conceptId + ": " + curve.method() + " at layer " + curve.layer() + ", by strength");
    }

    private static String empty(String title, String why) {
        return new SvgChart(520, 120, 30, 0, 1, 0, 1).render(title + ": " + why);
    }

    private static String color(ConfigKind kind) {
        return switch (kind) {
            case STEERED -> ReportHtml.STEERED;
            case PROMPTING_BASELINE -> ReportHtml.PROMPTING;
            case ORIGINAL_DATA -> ReportHtml.ORIGINAL;
        };
    }

    /** The label without the concept prefix, which the section title already names. */
    private static String shortLabel(String conceptId, ConfigEntry c) {
        String prefix = conceptId + "/";
        return c.label().startsWith(prefix) ? c.label().substring(prefix.length()) : c.label();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
