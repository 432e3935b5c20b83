package ai.steersynth.engine.steering.extract;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.steersynth.engine.model.KeyValueCache;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.model.ResidualStreamHook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

/**
 * Reads the residual stream through the model's read hook: for each sequence, at each requested
 * layer, the mean of the residual over the sequence's read range and the mean of its L2 norm over
 * the same positions. Sequences run in left-padded batches of similar length, every layer in one
 * forward pass; the averaging happens on the device so only {@code [batch, hidden]} comes back.
 */
public final class ResidualReader {

    /**
     * One sequence's reading.
     *
     * @param meanByLayer per layer, the mean residual over the read positions
     * @param meanNormByLayer per layer, the mean L2 norm of the residual over the read positions
     * @param positions how many positions were read
     */
    public record Reading(Map<Integer, float[]> meanByLayer, Map<Integer, Double> meanNormByLayer, int positions) {

        public Reading {
            meanByLayer = Map.copyOf(meanByLayer);
            meanNormByLayer = Map.copyOf(meanNormByLayer);
        }
    }

    private final LlamaModel model;
    private final int batchSize;

    /**
     * @param model the model; not closed here
     * @param batchSize sequences per forward pass
     */
    public ResidualReader(LlamaModel model, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        this.model = model;
        this.batchSize = batchSize;
    }

    /**
     * Reads every sequence at every layer.
     *
     * @param sequences what to run and which positions to read
     * @param layers 0-based blocks, each below the model's layer count
     * @return one reading per sequence, in order
     */
    public List<Reading> read(List<EncodedText> sequences, int... layers) {
        int numberOfLayers = model.config().numberOfLayers();
        int[] wanted = Arrays.stream(layers).distinct().sorted().toArray();
        if (wanted.length == 0) {
            throw new IllegalArgumentException("read at least one layer");
        }
        for (int layer : wanted) {
            if (layer < 0 || layer >= numberOfLayers) {
                throw new IllegalArgumentException(
                        "layer " + layer + " outside the model's " + numberOfLayers + " blocks (0-based)");
            }
        }
        // Longest first, so similar lengths share a batch and the largest batch fails first if memory is short.
        int[] order = IntStream.range(0, sequences.size())
                .boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -sequences.get(i).length()))
                .mapToInt(Integer::intValue)
                .toArray();
        Reading[] readings = new Reading[sequences.size()];
        for (int start = 0; start < order.length; start += batchSize) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("reading residuals interrupted after " + start + " sequences");
            }
            int[] batch = Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
            List<EncodedText> rows = new ArrayList<>();
            for (int index : batch) {
                rows.add(sequences.get(index));
            }
            List<Reading> batchReadings = readBatch(rows, wanted);
            for (int k = 0; k < batch.length; k++) {
                readings[batch[k]] = batchReadings.get(k);
            }
        }
        return List.of(readings);
    }

    private List<Reading> readBatch(List<EncodedText> rows, int[] layers) {
        int batch = rows.size();
        int longest = rows.stream().mapToInt(EncodedText::length).max().orElseThrow();
        int[] leftPadding = new int[batch];
        long[] tokenIds = new long[batch * longest];
        float[] weights = new float[batch * longest]; // 1 / count at read positions, 0 elsewhere
        for (int b = 0; b < batch; b++) {
            EncodedText row = rows.get(b);
            leftPadding[b] = longest - row.length();
            for (int s = 0; s < row.length(); s++) {
                tokenIds[b * longest + leftPadding[b] + s] = row.tokenAt(s);
            }
            for (int s = row.readFrom(); s < row.length(); s++) {
                weights[b * longest + leftPadding[b] + s] = 1f / row.readCount();
            }
        }
        Map<Integer, float[]> means = new HashMap<>();
        Map<Integer, float[]> meanNorms = new HashMap<>();
        try (NDManager request = model.newRequestManager();
                KeyValueCache cache = model.newCache(request, leftPadding, longest);
                NDManager step = request.newSubManager()) {
            NDArray positionWeights = step.create(weights, new Shape(batch, longest, 1)); // [batch, seq, 1]
            ResidualStreamHook hook = (layer, hidden) -> {
                if (Arrays.binarySearch(layers, layer) >= 0) {
                    // Products are made on the step manager (the hidden stream's), closed with it.
                    NDArray mean = hidden.mul(positionWeights).sum(new int[] {1}); // [batch, hidden]
                    NDArray norms = hidden.square().sum(new int[] {2}, true).sqrt(); // [batch, seq, 1]
                    NDArray meanNorm = norms.mul(positionWeights).sum(new int[] {1, 2}); // [batch]
                    means.put(layer, mean.toFloatArray());
                    meanNorms.put(layer, meanNorm.toFloatArray());
                }
                return hidden;
            };
            model.forward(step.create(tokenIds, new Shape(batch, longest)), cache, hook);
        }
        int hidden = model.config().hiddenSize();
        List<Reading> readings = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            Map<Integer, float[]> meanByLayer = new HashMap<>();
            Map<Integer, Double> normByLayer = new HashMap<>();
            for (int layer : layers) {
                meanByLayer.put(layer, Arrays.copyOfRange(means.get(layer), b * hidden, (b + 1) * hidden));
                normByLayer.put(layer, (double) meanNorms.get(layer)[b]);
            }
            readings.add(new Reading(meanByLayer, normByLayer, rows.get(b).readCount()));
        }
        return readings;
    }
}
