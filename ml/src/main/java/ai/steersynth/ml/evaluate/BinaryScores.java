package ai.steersynth.ml.evaluate;

import java.util.Objects;

/** Input checks shared by the metrics. */
final class BinaryScores {

    private BinaryScores() {}

    /** Checks lengths, finiteness and 0/1 labels; returns the number of positives. */
    static int check(double[] scores, int[] labels) {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(labels, "labels");
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        int positives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1, got " + labels[i] + " at " + i);
            }
            positives += labels[i];
        }
        return positives;
    }

    /** As {@link #check} and requires both classes. */
    static int checkBothClasses(double[] scores, int[] labels, String metric) {
        int positives = check(scores, labels);
        if (positives == 0 || positives == labels.length) {
            throw new IllegalArgumentException(metric + " needs both classes; got " + positives + " positives and "
                    + (labels.length - positives) + " negatives");
        }
        return positives;
    }

    /** Indices sorted by score, descending; ties keep index order (the metrics treat tied groups as one). */
    static Integer[] descending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        return order;
    }
}
