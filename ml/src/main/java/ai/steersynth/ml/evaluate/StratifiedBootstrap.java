package ai.steersynth.ml.evaluate;

import ai.steersynth.ml.stats.ConfidenceInterval;
import ai.steersynth.ml.stats.Percentiles;
import java.util.Random;
import java.util.function.ToDoubleBiFunction;

/**
 * Percentile bootstrap for a metric of scored binary examples. Resampling is stratified: each resample
 * draws P positives from the positives and N negatives from the negatives, with replacement, so both classes
 * are always present and the class balance is that of the data.
 *
 * @param resamples number of bootstrap resamples, at least 1 (1000 or more for a reported interval)
 * @param level coverage, e.g. 0.95
 * @param seed seed of the {@link Random} that draws the resamples; same seed, same interval
 */
public record StratifiedBootstrap(int resamples, double level, long seed) {

    /** Default number of resamples for reported intervals. */
    public static final int DEFAULT_RESAMPLES = 1000;

    public StratifiedBootstrap {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
    }

    /** 1000 resamples, 95 % level. */
    public static StratifiedBootstrap of(long seed) {
        return new StratifiedBootstrap(DEFAULT_RESAMPLES, 0.95, seed);
    }

    /** AUROC with its interval. */
    public ConfidenceInterval auroc(double[] scores, int[] labels) {
        return interval(scores, labels, Auroc::of);
    }

    /** Average precision with its interval. */
    public ConfidenceInterval averagePrecision(double[] scores, int[] labels) {
        return interval(scores, labels, AveragePrecision::of);
    }

    /**
     * Any metric with its interval.
     *
     * @throws IllegalArgumentException if a class is absent
     */
    public ConfidenceInterval interval(double[] scores, int[] labels, ToDoubleBiFunction<double[], int[]> metric) {
        int positives = BinaryScores.checkBothClasses(scores, labels, "a stratified bootstrap");
        int[] positiveIndex = new int[positives];
        int[] negativeIndex = new int[labels.length - positives];
        for (int i = 0, p = 0, q = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                positiveIndex[p++] = i;
            } else {
                negativeIndex[q++] = i;
            }
        }
        double estimate = metric.applyAsDouble(scores, labels);
        Random random = new Random(seed);
        double[] replicates = new double[resamples];
        double[] resampledScores = new double[labels.length];
        int[] resampledLabels = new int[labels.length];
        for (int r = 0; r < resamples; r++) {
            int k = 0;
            for (int draw = 0; draw < positiveIndex.length; draw++) {
                resampledScores[k] = scores[positiveIndex[random.nextInt(positiveIndex.length)]];
                resampledLabels[k++] = 1;
            }
            for (int draw = 0; draw < negativeIndex.length; draw++) {
                resampledScores[k] = scores[negativeIndex[random.nextInt(negativeIndex.length)]];
                resampledLabels[k++] = 0;
            }
            replicates[r] = metric.applyAsDouble(resampledScores, resampledLabels);
        }
        return Percentiles.interval(estimate, replicates, level, seed);
    }
}
