package ai.steersynth.ml.evaluate;

/** Exact area under the ROC curve. */
public final class Auroc {

    private Auroc() {}

    /**
     * AUROC as the Mann-Whitney U statistic: the probability that a random positive scores above a random
     * negative, ties counting one half. Computed from average ranks (ranks of tied scores are averaged), so
     * {@code U = sum of positive ranks - P(P+1)/2} and AUROC = U / (P N). Equals scikit-learn's {@code
     * roc_auc_score}. All-equal scores give exactly 0.5.
     *
     * @param scores higher means more likely positive; not NaN
     * @param labels 1 = positive, 0 = negative
     * @throws IllegalArgumentException if a class is absent, or on malformed input
     */
    public static double of(double[] scores, int[] labels) {
        int positives = BinaryScores.checkBothClasses(scores, labels, "AUROC");
        long negatives = labels.length - positives;
        Integer[] order = ascending(scores);
        double positiveRankSum = 0;
        int i = 0;
        while (i < order.length) {
            // [i, j) is a run of tied scores occupying ranks i+1..j; each gets their mean (i + 1 + j) / 2.
            int j = i + 1;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (labels[order[k]] == 1) {
                    positiveRankSum += averageRank;
                }
            }
            i = j;
        }
        double u = positiveRankSum - positives * (positives + 1.0) / 2.0;
        return u / (positives * (double) negatives);
    }

    private static Integer[] ascending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        return order;
    }
}
