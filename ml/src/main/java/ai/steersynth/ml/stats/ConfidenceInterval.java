package ai.steersynth.ml.stats;

/**
 * A point estimate with a bootstrap percentile interval.
 *
 * @param estimate the statistic on the original data
 * @param lower the lower percentile of the bootstrap distribution
 * @param upper the upper percentile of the bootstrap distribution
 * @param level the coverage, e.g. 0.95
 * @param resamples bootstrap resamples drawn
 * @param validResamples resamples on which the statistic was defined (the interval is over these)
 * @param seed the seed of the resampling
 */
public record ConfidenceInterval(
        double estimate, double lower, double upper, double level, int resamples, int validResamples, long seed) {

    /** Width of the interval. */
    public double width() {
        return upper - lower;
    }

    /** Whether {@code value} lies in [lower, upper]. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
