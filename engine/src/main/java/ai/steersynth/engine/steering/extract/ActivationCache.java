package ai.steersynth.engine.steering.extract;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Collected contrastive activations kept for reuse, so every method and layer of a sweep reads one
 * pass over a pack's pairs instead of one per (method, layer). Bounded, least recently used first
 * out; thread-safe (a collection runs under the cache's lock, so two callers never collect the same
 * pack twice).
 *
 * <p>An entry covers a set of layers. A request for a layer the entry lacks collects again, for the
 * union of the entry's layers and the requested ones, so the entry only grows.
 */
public final class ActivationCache {

    /**
     * What determines a collection apart from its layers.
     *
     * @param modelContentHash the weights (and so the tokenizer and chat template they carry)
     * @param packId the concept pack
     * @param packContentHash its content hash, or {@code null} when unknown (then the id alone keys it)
     * @param maxPairs the pair limit of the seeded sample
     * @param seed the sample's seed
     */
    public record Key(String modelContentHash, String packId, String packContentHash, int maxPairs, long seed) {

        public Key {
            Objects.requireNonNull(modelContentHash, "modelContentHash");
            Objects.requireNonNull(packId, "packId");
        }
    }

    private final int capacity;
    private final LinkedHashMap<Key, ContrastiveActivations> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long collections;

    /** @param capacity entries kept at most (one entry holds every collected layer of one pack) */
    public ActivationCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * The activations of {@code key} covering at least {@code layers}; when not cached, {@code
     * collect} is called with the layers to read (the requested ones plus those already cached for
     * the key, sorted).
     */
    public synchronized ContrastiveActivations get(
            Key key, int[] layers, Function<int[], ContrastiveActivations> collect) {
        TreeSet<Integer> wanted = new TreeSet<>();
        Arrays.stream(layers).forEach(wanted::add);
        ContrastiveActivations cached = entries.get(key);
        if (cached != null && cached.layers().keySet().containsAll(wanted)) {
            return cached;
        }
        if (cached != null) {
            wanted.addAll(cached.layers().keySet());
        }
        ContrastiveActivations collected =
                collect.apply(wanted.stream().mapToInt(Integer::intValue).toArray());
        collections++;
        entries.put(key, collected);
        Iterator<Map.Entry<Key, ContrastiveActivations>> eldest =
                entries.entrySet().iterator();
        while (entries.size() > capacity) {
            eldest.next();
            eldest.remove();
        }
        return collected;
    }

    /** How many collections this cache has run (misses), for logs and tests. */
    public synchronized long collections() {
        return collections;
    }

    /** Entries held now. */
    public synchronized int size() {
        return entries.size();
    }
}
