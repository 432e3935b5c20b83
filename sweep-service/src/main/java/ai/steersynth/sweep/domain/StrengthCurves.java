package ai.steersynth.sweep.domain;

import ai.steersynth.sweep.domain.SweepReport.ConfigEntry;
import ai.steersynth.sweep.domain.SweepReport.CurvePoint;
import ai.steersynth.sweep.domain.SweepReport.Quality;
import ai.steersynth.sweep.domain.SweepReport.StrengthCurve;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Strength curves: steering configs grouped by method, layer and strength mode, points sorted by strength. */
final class StrengthCurves {

    private StrengthCurves() {}

    static List<StrengthCurve> of(List<ConfigEntry> steered) {
        Map<String, List<ConfigEntry>> groups = new LinkedHashMap<>();
        for (ConfigEntry e : steered) {
            if (e.strength() != null) {
                groups.computeIfAbsent(e.method() + "/" + e.layer() + "/" + e.strengthMode(), k -> new ArrayList<>())
                        .add(e);
            }
        }
        return groups.values().stream().map(StrengthCurves::curve).toList();
    }

    private static StrengthCurve curve(List<ConfigEntry> group) {
        ConfigEntry first = group.get(0);
        List<CurvePoint> points = group.stream()
                .sorted(Comparator.comparingDouble(ConfigEntry::strength))
                .map(e -> new CurvePoint(
                        e.strength(),
                        e.configId(),
                        axis(e, Quality::success),
                        axis(e, Quality::coherence),
                        axis(e, Quality::diversity),
                        axis(e, Quality::hm)))
                .toList();
        return new StrengthCurve(first.method(), first.layer(), first.strengthMode(), points);
    }

    private static Double axis(ConfigEntry e, Function<Quality, Double> axis) {
        return e.quality() == null ? null : axis.apply(e.quality());
    }
}
