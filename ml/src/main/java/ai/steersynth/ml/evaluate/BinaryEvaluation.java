package ai.steersynth.ml.evaluate;

import ai.steersynth.ml.stats.ConfidenceInterval;

/**
 * The metrics SteerSynth reports for a detector on a labelled test set.
 *
 * @param examples number of test examples
 * @param positives number of positive (label 1) examples
 * @param auroc AUROC with its stratified bootstrap interval
 * @param averagePrecision average precision (AUPRC)
 * @param bestThreshold accuracy at the most accurate threshold
 */
public record BinaryEvaluation(
        int examples,
        int positives,
        ConfidenceInterval auroc,
        double averagePrecision,
        ThresholdAccuracy bestThreshold) {

    /**
     * Evaluates scores against labels.
     *
     * @throws IllegalArgumentException if a class is absent, or on malformed input
     */
    public static BinaryEvaluation of(double[] scores, int[] labels, StratifiedBootstrap bootstrap) {
        int positives = BinaryScores.checkBothClasses(scores, labels, "evaluation");
        return new BinaryEvaluation(
                labels.length,
                positives,
                bootstrap.auroc(scores, labels),
                AveragePrecision.of(scores, labels),
                ThresholdAccuracy.best(scores, labels));
    }
}
