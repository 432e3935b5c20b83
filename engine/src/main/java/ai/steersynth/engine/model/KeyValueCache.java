package ai.steersynth.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Preallocated keys and values per layer, {@code [batch, kvHeads, capacity, headSize]}, written in
 * place as the sequence grows (no concatenation per step). All rows share one timeline: row {@code b}
 * is left-padded by {@code leftPadding[b]} slots, which the attention mask hides and the position ids
 * skip, so a row computes the same values whatever its batch-mates are.
 */
public final class KeyValueCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int[] leftPadding;
    private final int capacity;
    private int length;

    KeyValueCache(NDManager parent, ModelConfig config, int[] leftPadding, int capacity) {
        this.manager = parent.newSubManager();
        this.leftPadding = leftPadding.clone();
        this.capacity = capacity;
        Shape shape = new Shape(leftPadding.length, config.numberOfKeyValueHeads(), capacity, config.headSize());
        this.keys = new NDArray[config.numberOfLayers()];
        this.values = new NDArray[config.numberOfLayers()];
        for (int layer = 0; layer < keys.length; layer++) {
            keys[layer] = manager.zeros(shape);
            values[layer] = manager.zeros(shape);
        }
    }

    /** Rows in the batch. */
    public int batchSize() {
        return leftPadding.length;
    }

    /** Slots filled so far (padding included). */
    public int length() {
        return length;
    }

    /** Slots available in total. */
    public int capacity() {
        return capacity;
    }

    /** Padding slots in front of row {@code row}'s first real token. */
    public int leftPadding(int row) {
        return leftPadding[row];
    }

    /**
     * Keeps only the rows at {@code positions} (ascending batch positions), in that order, so finished
     * rows stop costing compute. Copies each layer's cache once.
     */
    public void retainRows(int[] positions) {
        long[] index = java.util.Arrays.stream(positions).asLongStream().toArray();
        try (NDManager scratch = manager.newSubManager()) {
            NDArray rows = scratch.create(index);
            for (int layer = 0; layer < keys.length; layer++) {
                keys[layer] = replace(keys[layer], rows);
                values[layer] = replace(values[layer], rows);
            }
        }
        int[] padding = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            padding[i] = leftPadding[positions[i]];
        }
        leftPadding = padding;
    }

    private NDArray replace(NDArray old, NDArray rows) {
        NDArray kept = old.get(manager, new ai.djl.ndarray.index.NDIndex("{}", rows)); // [kept, kv, cap, hd]
        old.close();
        return kept;
    }

    NDArray keys(int layer) {
        return keys[layer];
    }

    NDArray values(int layer) {
        return values[layer];
    }

    void advance(int steps) {
        length += steps;
    }

    @Override
    public void close() {
        manager.close();
    }
}
