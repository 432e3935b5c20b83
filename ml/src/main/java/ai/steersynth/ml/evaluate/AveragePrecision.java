package ai.steersynth.ml.evaluate;

/** Area under the precision-recall curve as average precision. */
public final class AveragePrecision {

    private AveragePrecision() {}

    /**
     * Average precision as scikit-learn's {@code average_precision_score} defines it: {@code AP = sum_k (R_k -
     * R_(k-1)) P_k} over the distinct score thresholds in decreasing order, where P_k and R_k are precision and
     * recall when everything scoring at least the k-th threshold is called positive (tied scores enter
     * together). No interpolation, so it is not the trapezoidal area.
     *
     * @throws IllegalArgumentException if there is no positive, or on malformed input
     */
    public static double of(double[] scores, int[] labels) {
        int positives = BinaryScores.check(scores, labels);
        if (positives == 0) {
            throw new IllegalArgumentException("average precision needs at least one positive");
        }
        Integer[] order = BinaryScores.descending(scores);
        double ap = 0;
        double previousRecall = 0;
        int truePositives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                truePositives += labels[order[j]];
                j++;
            }
            double recall = truePositives / (double) positives;
            double precision = truePositives / (double) j;
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
            i = j;
        }
        return ap;
    }
}
