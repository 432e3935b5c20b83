package ai.steersynth.ml.evaluate;

/**
 * The accuracy of the rule "positive when score >= threshold".
 *
 * @param threshold the cut-off; {@code +Infinity} means everything is called negative
 * @param accuracy fraction of examples classified correctly
 */
public record ThresholdAccuracy(double threshold, double accuracy) {

    /**
     * The threshold with the highest accuracy, trying every distinct score and +Infinity; on ties the higher
     * threshold wins. This is optimistic (chosen on the data it is reported on) and reported only as a
     * companion to AUROC.
     */
    public static ThresholdAccuracy best(double[] scores, int[] labels) {
        int positives = BinaryScores.check(scores, labels);
        int n = labels.length;
        if (n == 0) {
            throw new IllegalArgumentException("no examples");
        }
        Integer[] order = BinaryScores.descending(scores);
        // Everything negative: the negatives are right.
        int correct = n - positives;
        ThresholdAccuracy best = new ThresholdAccuracy(Double.POSITIVE_INFINITY, correct / (double) n);
        int i = 0;
        while (i < n) {
            // Lowering the threshold to this score flips the whole tied group to "positive".
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                correct += labels[order[j]] == 1 ? 1 : -1;
                j++;
            }
            double accuracy = correct / (double) n;
            if (accuracy > best.accuracy()) {
                best = new ThresholdAccuracy(scores[order[i]], accuracy);
            }
            i = j;
        }
        return best;
    }
}
