package ai.steersynth.sweep.domain;

import ai.steersynth.ml.stats.ConfidenceInterval;
import ai.steersynth.ml.stats.SpearmanCorrelation;
import ai.steersynth.sweep.domain.SweepReport.ConfigEntry;
import ai.steersynth.sweep.domain.SweepReport.Correlation;
import ai.steersynth.sweep.domain.SweepReport.Quality;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Spearman correlations of each quality axis with AUROC over a section's steering configs, with a
 * seeded paired bootstrap 95 % CI; null with a reason when fewer than 3 configs have both numbers or
 * a side is constant.
 */
final class AurocCorrelations {

    /** Bootstrap resamples of each correlation's CI. */
    static final int BOOTSTRAP_RESAMPLES = 2000;

    /** Seed of the bootstrap, fixed so a report is reproducible. */
    static final long BOOTSTRAP_SEED = 20_251_128L;

    private static final int MIN_CONFIGS = 3;

    /** The quality axes correlated with AUROC, by name. */
    private static final Map<String, ToDoubleFunction<Quality>> AXES = axes();

    private AurocCorrelations() {}

    static List<Correlation> of(List<ConfigEntry> steered) {
        List<ConfigEntry> both = steered.stream()
                .filter(e -> e.quality() != null && e.detector() != null)
                .toList();
        double[] auroc = both.stream().mapToDouble(e -> e.detector().auroc()).toArray();
        List<Correlation> out = new ArrayList<>();
        AXES.forEach((axis, value) -> {
            double[] x = both.stream()
                    .mapToDouble(e -> value.applyAsDouble(e.quality()))
                    .toArray();
            out.add(correlation(axis, x, auroc));
        });
        return out;
    }

    private static Correlation correlation(String axis, double[] x, double[] auroc) {
        int n = x.length;
        if (n < MIN_CONFIGS) {
            return new Correlation(
                    axis,
                    n,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "needs at least %d steering configs with both %s and AUROC, has %d"
                            .formatted(MIN_CONFIGS, axis, n));
        }
        if (constant(x) || constant(auroc)) {
            String which = constant(x) ? axis : "AUROC";
            return new Correlation(
                    axis, n, null, null, null, null, null, which + " is the same for every config: rho is undefined");
        }
        ConfidenceInterval ci = SpearmanCorrelation.withBootstrap(x, auroc, BOOTSTRAP_RESAMPLES, 0.95, BOOTSTRAP_SEED);
        return new Correlation(
                axis,
                n,
                ci.estimate(),
                finiteOrNull(ci.lower()),
                finiteOrNull(ci.upper()),
                ci.resamples(),
                ci.validResamples(),
                null);
    }

    private static boolean constant(double[] v) {
        for (double e : v) {
            if (e != v[0]) {
                return false;
            }
        }
        return true;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Map<String, ToDoubleFunction<Quality>> axes() {
        Map<String, ToDoubleFunction<Quality>> axes = new LinkedHashMap<>();
        axes.put("hm", Quality::hm);
        axes.put("success", Quality::success);
        axes.put("coherence", Quality::coherence);
        axes.put("diversity", Quality::diversity);
        axes.put("successTimesCoherence", Quality::successTimesCoherence);
        return axes;
    }
}
