package ai.steersynth.cli.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sweep report (as {@code GET /api/sweeps/{id}/report} returns it) as plain text for a terminal. */
final class ReportText {

    private static final int LEADERBOARD_ROWS = 5;

    private ReportText() {}

    static String render(Map<?, ?> report) {
        StringBuilder out = new StringBuilder();
        Map<?, ?> reproducibility = map(report.get("reproducibility"));
        out.append(String.format(
                "%nSweep %s (%s): %s%n  spec %s, code %s%n",
                report.get("sweepId"),
                report.get("name"),
                report.get("state"),
                shortHash(reproducibility.get("specHash")),
                reproducibility.get("codeVersion")));
        for (Object item : list(report.get("sections"))) {
            Map<?, ?> section = map(item);
            Map<?, ?> beat = map(section.get("beatPrompting"));
            out.append(String.format("%n== %s on %s ==%n", section.get("conceptId"), section.get("modelId")));
            out.append(judgeValidity(map(section.get("judgeValidity"))));
            out.append("  ").append(beat.get("headline")).append('\n');
            out.append(String.format(
                    "  prompting baseline AUROC %s, original data AUROC %s%n",
                    auroc(section.get("promptingBaseline")), auroc(section.get("originalData"))));
            out.append(String.format(
                    "  %-36s %7s  %-15s %6s %6s %6s %6s%n",
                    "top configs by AUROC", "AUROC", "95% CI", "HM", "succ", "coh", "div"));
            List<?> leaderboard = list(section.get("leaderboardByAuroc"));
            for (Object entry : leaderboard.subList(0, Math.min(LEADERBOARD_ROWS, leaderboard.size()))) {
                Map<?, ?> config = map(entry);
                Map<?, ?> detector = map(config.get("detector"));
                Map<?, ?> quality = map(config.get("quality"));
                out.append(String.format(
                        "  %-36s %7s  [%s, %s] %6s %6s %6s %6s%n",
                        config.get("label"),
                        number(detector.get("auroc")),
                        number(detector.get("aurocCiLow")),
                        number(detector.get("aurocCiHigh")),
                        number(quality.get("hm")),
                        number(quality.get("success")),
                        number(quality.get("coherence")),
                        number(quality.get("diversity"))));
            }
            out.append("  Spearman with AUROC:");
            for (Object item2 : list(section.get("correlations"))) {
                Map<?, ?> correlation = map(item2);
                out.append(String.format(
                        " %s %s%s;",
                        correlation.get("axis"),
                        number(correlation.get("rho")),
                        correlation.get("ciLow") == null
                                ? ""
                                : " [" + number(correlation.get("ciLow")) + ", " + number(correlation.get("ciHigh"))
                                        + "]"));
            }
            out.append('\n');
            Map<?, ?> recommended = map(section.get("recommended"));
            out.append(String.format(
                    "  recommended: by HM %s, by AUROC %s%n",
                    map(recommended.get("byHm")).get("label"),
                    map(recommended.get("byAuroc")).get("label")));
            List<?> unfinished = list(section.get("unfinished"));
            if (!unfinished.isEmpty()) {
                out.append("  unfinished or failed configs: ")
                        .append(unfinished.size())
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** The invalid-judge flag first, since it says the section's success and HM are no evidence. */
    private static String judgeValidity(Map<?, ?> validity) {
        if (validity.get("flag") != null) {
            return "  !! " + validity.get("flag") + '\n';
        }
        if (validity.get("validityAuroc") == null) {
            return "  judge validity: " + validity.get("validityNote") + '\n';
        }
        return String.format(
                "  judge %s AUROC on the real test split %s (%s examples, threshold %s)%n",
                validity.get("judgeId"),
                number(validity.get("validityAuroc")),
                validity.get("examples"),
                number(validity.get("threshold")));
    }

    private static String auroc(Object entry) {
        return number(map(map(entry).get("detector")).get("auroc"));
    }

    private static String number(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : "-";
    }

    private static String shortHash(Object hash) {
        String text = String.valueOf(hash);
        return text.length() > 12 ? text.substring(0, 12) : text;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
