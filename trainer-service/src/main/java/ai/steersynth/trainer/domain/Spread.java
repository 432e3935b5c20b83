package ai.steersynth.trainer.domain;

/**
 * Summary of one metric over several seeds.
 *
 * @param count number of values
 * @param mean their mean
 * @param standardDeviation sample standard deviation (n - 1 in the denominator); 0 for a single value
 * @param min the smallest
 * @param max the largest
 */
public record Spread(int count, double mean, double standardDeviation, double min, double max) {

    /** Summarises at least one value. */
    public static Spread of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = values.length == 1 ? 0 : Math.sqrt(squares / (values.length - 1));
        return new Spread(values.length, mean, sd, min, max);
    }
}
