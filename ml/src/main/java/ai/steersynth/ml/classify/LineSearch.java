package ai.steersynth.ml.classify;

/** Backtracking (Armijo) line search shared by both solvers. */
final class LineSearch {

    private static final double SUFFICIENT_DECREASE = 1e-4;
    private static final double SMALLEST_STEP = 1e-12;
    // Near the optimum F changes by less than its own rounding error; a step is then judged by the gradient.
    private static final double ROUNDING = 1e-12;

    private LineSearch() {}

    /**
     * Moves {@code theta} along {@code direction} by the largest step in 1, 1/2, 1/4, ... that decreases F
     * enough, writing the new point into {@code next} and its gradient into {@code nextGradient}.
     *
     * @return the new value, or NaN when no step was accepted
     */
    static double step(
            LogisticObjective f,
            double[] theta,
            double value,
            double[] gradient,
            double[] direction,
            double[] next,
            double[] nextGradient) {
        double slope = dot(gradient, direction);
        double gradientSize = maxAbs(gradient);
        for (double t = 1.0; t >= SMALLEST_STEP; t *= 0.5) {
            for (int j = 0; j < theta.length; j++) {
                next[j] = theta[j] + t * direction[j];
            }
            double nextValue = f.valueAndGradient(next, nextGradient);
            if (nextValue <= value + SUFFICIENT_DECREASE * t * slope) {
                return nextValue;
            }
            boolean withinRounding = Math.abs(nextValue - value) <= ROUNDING * (1 + Math.abs(value));
            if (withinRounding && maxAbs(nextGradient) < gradientSize) {
                return nextValue;
            }
        }
        return Double.NaN;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }
}
