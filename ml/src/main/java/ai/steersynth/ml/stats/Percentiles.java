package ai.steersynth.ml.stats;

import java.util.Arrays;

/** Sample quantiles. */
public final class Percentiles {

    private Percentiles() {}

    /**
     * The q-quantile with linear interpolation between order statistics (NumPy's default, Hyndman and Fan type
     * 7): with the values sorted, position h = (n - 1) q, result = v[floor h] + (h - floor h)(v[floor h + 1] -
     * v[floor h]).
     *
     * @param values at least one finite value (not modified)
     * @param q in [0, 1]
     */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * A percentile interval of bootstrap replicates; NaN replicates (statistic undefined on that resample) are
     * left out, and if all are NaN the bounds are NaN.
     */
    public static ConfidenceInterval interval(double estimate, double[] replicates, double level, long seed) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        double[] valid = Arrays.stream(replicates).filter(v -> !Double.isNaN(v)).toArray();
        if (valid.length == 0) {
            return new ConfidenceInterval(estimate, Double.NaN, Double.NaN, level, replicates.length, 0, seed);
        }
        double alpha = 1 - level;
        return new ConfidenceInterval(
                estimate,
                quantile(valid, alpha / 2),
                quantile(valid, 1 - alpha / 2),
                level,
                replicates.length,
                valid.length,
                seed);
    }
}
