package ai.steersynth.ml.stats;

import java.util.Objects;
import java.util.Random;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/** Spearman rank correlation, as scipy's {@code spearmanr}: Pearson correlation of average ranks. */
public final class SpearmanCorrelation {

    private SpearmanCorrelation() {}

    /**
     * Spearman's rho with tied values given their average rank.
     *
     * @param x at least 2 values, no NaN
     * @param y as many values as x, no NaN
     * @return rho in [-1, 1], or NaN when x or y is constant (the correlation is undefined)
     */
    public static double of(double[] x, double[] y) {
        check(x, y);
        if (isConstant(x) || isConstant(y)) {
            return Double.NaN;
        }
        SpearmansCorrelation spearman =
                new SpearmansCorrelation(new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE));
        return spearman.correlation(withoutNegativeZero(x), withoutNegativeZero(y));
    }

    /** -0.0 + 0.0 is 0.0: the ranking compares with Double.compare, which would otherwise split the tie 0 = -0. */
    private static double[] withoutNegativeZero(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] + 0.0;
        }
        return out;
    }

    /**
     * Rho with a percentile bootstrap interval over pairs: each resample draws n (x, y) pairs with replacement.
     * Resamples where rho is undefined (a constant side) are left out; {@link ConfidenceInterval#validResamples}
     * says how many counted.
     */
    public static ConfidenceInterval withBootstrap(double[] x, double[] y, int resamples, double level, long seed) {
        check(x, y);
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        int n = x.length;
        Random random = new Random(seed);
        double[] replicates = new double[resamples];
        double[] rx = new double[n];
        double[] ry = new double[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                rx[i] = x[pick];
                ry[i] = y[pick];
            }
            replicates[r] = of(rx, ry);
        }
        return Percentiles.interval(of(x, y), replicates, level, seed);
    }

    private static void check(double[] x, double[] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("need at least 2 pairs, got " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                throw new IllegalArgumentException("pair " + i + " has a NaN");
            }
        }
    }

    private static boolean isConstant(double[] v) {
        for (double e : v) {
            if (e != v[0]) {
                return false;
            }
        }
        return true;
    }
}
