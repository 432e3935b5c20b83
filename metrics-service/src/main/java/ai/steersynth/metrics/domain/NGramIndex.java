package ai.steersynth.metrics.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense integer ids for the n-grams (orders 1 to {@link #MAX_ORDER}) of a set of token sequences: equal n-grams get
 * equal ids, and the ids of order n run from 0 to {@link #distinctCount(int)} - 1, so per-n-gram state can live in
 * plain arrays. An n-gram is interned as the pair (id of its (n-1)-gram prefix, id of its last token), which costs one
 * hash look-up per n-gram whatever its order.
 */
final class NGramIndex {

    static final int MAX_ORDER = 4;

    private final Map<String, Integer> tokenIds = new HashMap<>();
    private final List<Map<Long, Integer>> prefixedIds = new ArrayList<>();

    NGramIndex() {
        for (int order = 2; order <= MAX_ORDER; order++) {
            prefixedIds.add(new HashMap<>());
        }
    }

    /**
     * Encodes one token sequence: {@code result[n - 1][i]} is the id of the n-gram that starts at token {@code i}; a
     * sequence shorter than n has no n-grams of order n (an empty array).
     */
    int[][] encode(List<String> tokens) {
        int[][] ids = new int[MAX_ORDER][];
        ids[0] = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            ids[0][i] = intern(tokenIds, tokens.get(i));
        }
        for (int order = 2; order <= MAX_ORDER; order++) {
            Map<Long, Integer> orderIds = prefixedIds.get(order - 2);
            int[] prefixes = ids[order - 2];
            int count = Math.max(0, tokens.size() - order + 1);
            ids[order - 1] = new int[count];
            for (int i = 0; i < count; i++) {
                long key = ((long) prefixes[i] << 32) | ids[0][i + order - 1];
                ids[order - 1][i] = intern(orderIds, key);
            }
        }
        return ids;
    }

    /** The number of distinct n-grams of this order seen so far. */
    int distinctCount(int order) {
        return order == 1 ? tokenIds.size() : prefixedIds.get(order - 2).size();
    }

    private static <K> int intern(Map<K, Integer> ids, K key) {
        Integer id = ids.get(key);
        if (id == null) {
            id = ids.size();
            ids.put(key, id);
        }
        return id;
    }
}
