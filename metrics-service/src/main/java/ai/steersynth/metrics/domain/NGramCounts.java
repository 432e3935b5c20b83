package ai.steersynth.metrics.domain;

import java.util.Arrays;

/**
 * The multiset of n-gram ids of one sequence as parallel arrays: {@code ids} sorted and distinct, {@code counts[k]} the
 * number of occurrences of {@code ids[k]}, {@code total} the sum of the counts.
 */
record NGramCounts(int[] ids, int[] counts, int total) {

    static NGramCounts of(int[] ngramIds) {
        int[] sorted = ngramIds.clone();
        Arrays.sort(sorted);
        int[] ids = new int[sorted.length];
        int[] counts = new int[sorted.length];
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                ids[distinct++] = sorted[i];
            }
            counts[distinct - 1]++;
        }
        return new NGramCounts(Arrays.copyOf(ids, distinct), Arrays.copyOf(counts, distinct), sorted.length);
    }

    int distinct() {
        return ids.length;
    }
}
