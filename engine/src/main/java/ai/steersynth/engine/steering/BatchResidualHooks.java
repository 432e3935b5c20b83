package ai.steersynth.engine.steering;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.steersynth.engine.model.ResidualStreamHook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The residual-stream hook of one batch: adds each row's steering and copies out each row's
 * requested activations. Rows are independent: a row without steering at a layer gets zeros added
 * there, and a layer no row steers is not touched at all. The generator tells it which phase each
 * forward pass is ({@link #beginPrefill} or {@link #beginDecode}) so it knows prompt from generated
 * positions.
 */
public final class BatchResidualHooks implements ResidualStreamHook {

    /** One steering per row (or none) at one layer; a row steered twice at a layer uses two slots. */
    private record Slot(NDArray scaledVectors, SteeringPositions[] positions) {}

    private int batch;
    private int[] leftPadding;
    private final List<List<Slot>> slotsByLayer;
    private ActivationCapture[] captures;
    /** The request row at each batch position; positions shrink when finished rows are dropped. */
    private int[] rowAt;

    private final List<Map<Integer, float[]>> lastPromptToken = new ArrayList<>();
    private final List<Map<Integer, float[]>> meanOverPrompt = new ArrayList<>();
    private final List<Map<Integer, List<float[]>>> generatedTokens = new ArrayList<>();
    private NDManager step;
    private boolean prefill;
    private int seq;
    private boolean[] active;

    /**
     * @param manager the request's manager; the per-row scaled vectors live there
     * @param numberOfLayers blocks in the model
     * @param hiddenSize residual width; every steering vector must have this length
     * @param steering per row, the steerings to apply (empty for none)
     * @param captures per row, what to read (null for nothing)
     * @param leftPadding per row, padding slots in front of the prompt
     */
    public BatchResidualHooks(
            NDManager manager,
            int numberOfLayers,
            int hiddenSize,
            List<List<Steering>> steering,
            List<ActivationCapture> captures,
            int[] leftPadding) {
        this.batch = leftPadding.length;
        this.leftPadding = leftPadding.clone();
        this.captures = captures.toArray(new ActivationCapture[0]);
        this.rowAt = java.util.stream.IntStream.range(0, batch).toArray();
        this.slotsByLayer = new ArrayList<>();
        for (int layer = 0; layer < numberOfLayers; layer++) {
            slotsByLayer.add(slotsFor(manager, layer, hiddenSize, steering));
        }
        for (int row = 0; row < leftPadding.length; row++) {
            lastPromptToken.add(new HashMap<>());
            meanOverPrompt.add(new HashMap<>());
            generatedTokens.add(new HashMap<>());
        }
    }

    private List<Slot> slotsFor(NDManager manager, int layer, int hiddenSize, List<List<Steering>> steering) {
        List<Slot> slots = new ArrayList<>();
        for (int slot = 0; ; slot++) {
            float[] scaled = new float[batch * hiddenSize];
            SteeringPositions[] positions = new SteeringPositions[batch];
            boolean any = false;
            for (int row = 0; row < batch; row++) {
                List<Steering> applying = steering.get(row).stream()
                        .filter(s -> s.appliesTo(layer))
                        .toList();
                if (applying.size() <= slot) {
                    continue;
                }
                Steering s = applying.get(slot);
                float[] vector = s.vector();
                if (vector.length != hiddenSize) {
                    throw new IllegalArgumentException("steering vector has " + vector.length
                            + " values, the model's hidden size is " + hiddenSize);
                }
                for (int h = 0; h < hiddenSize; h++) {
                    scaled[row * hiddenSize + h] = s.strength() * vector[h];
                }
                positions[row] = s.positions();
                any = true;
            }
            if (!any) {
                return slots;
            }
            slots.add(new Slot(manager.create(scaled, new Shape(batch, 1, hiddenSize)), positions));
        }
    }

    /** The next forward pass runs the padded prompts, {@code paddedLength} slots per row. */
    public void beginPrefill(NDManager stepManager, int paddedLength, boolean[] willGenerate) {
        this.step = stepManager;
        this.prefill = true;
        this.seq = paddedLength;
        this.active = willGenerate.clone();
    }

    /** The next forward pass feeds one generated token per row; {@code active} rows still generate. */
    public void beginDecode(NDManager stepManager, boolean[] active) {
        this.step = stepManager;
        this.prefill = false;
        this.seq = 1;
        this.active = active.clone();
    }

    @Override
    public NDArray afterBlock(int layer, NDArray hidden) {
        for (Slot slot : slotsByLayer.get(layer)) {
            float[] weights = positionWeights(slot.positions());
            if (weights != null) {
                SteeringAdd.addInPlace(
                        hidden, hidden.getManager().create(weights, new Shape(batch, seq, 1)), slot.scaledVectors());
            }
        }
        capture(layer, hidden);
        return hidden;
    }

    /** 1 where the slot's row is steered at a position of this pass, else 0; null when all are 0. */
    private float[] positionWeights(SteeringPositions[] positions) {
        float[] weights = new float[batch * seq];
        boolean any = false;
        for (int row = 0; row < batch; row++) {
            SteeringPositions p = positions[row];
            if (p == null) {
                continue;
            }
            for (int s = 0; s < seq; s++) {
                boolean steered = prefill
                        ? s >= leftPadding[row] && p.coversPromptIndex(s - leftPadding[row])
                        : p.generated() && active[row];
                if (steered) {
                    weights[row * seq + s] = 1f;
                    any = true;
                }
            }
        }
        return any ? weights : null;
    }

    private void capture(int layer, NDArray hidden) {
        boolean wanted = false;
        for (int row = 0; row < batch; row++) {
            ActivationCapture c = captures[row];
            wanted |= c != null && c.reads(layer) && (prefill || (c.generatedTokens() && active[row]));
        }
        if (!wanted) {
            return;
        }
        float[] values = hidden.toFloatArray(); // [batch, seq, hidden] row-major
        int width = values.length / (batch * seq);
        for (int row = 0; row < batch; row++) {
            ActivationCapture c = captures[row];
            if (c == null || !c.reads(layer)) {
                continue;
            }
            int lastOffset = (row * seq + seq - 1) * width;
            int requestRow = rowAt[row]; // results are kept by request row, which compaction does not change
            if (prefill && c.lastPromptToken()) {
                lastPromptToken.get(requestRow).put(layer, copy(values, lastOffset, width));
            }
            if (prefill && c.meanOverPrompt()) {
                meanOverPrompt.get(requestRow).put(layer, mean(values, row, width, c.meanFromPromptIndex()));
            }
            if (c.generatedTokens() && active[row]) {
                generatedTokens
                        .get(requestRow)
                        .computeIfAbsent(layer, k -> new ArrayList<>())
                        .add(copy(values, lastOffset, width));
            }
        }
    }

    private float[] mean(float[] values, int row, int width, int fromPromptIndex) {
        int first = leftPadding[row] + fromPromptIndex;
        if (first >= seq) {
            throw new IllegalArgumentException("row " + row + ": mean from prompt index " + fromPromptIndex
                    + " but the prompt has " + (seq - leftPadding[row]) + " tokens");
        }
        double[] sum = new double[width];
        for (int s = first; s < seq; s++) {
            int offset = (row * seq + s) * width;
            for (int h = 0; h < width; h++) {
                sum[h] += values[offset + h];
            }
        }
        float[] mean = new float[width];
        for (int h = 0; h < width; h++) {
            mean[h] = (float) (sum[h] / (seq - first));
        }
        return mean;
    }

    private static float[] copy(float[] values, int offset, int width) {
        float[] out = new float[width];
        System.arraycopy(values, offset, out, 0, width);
        return out;
    }

    /**
     * Keeps only the batch positions {@code positions} (ascending), matching
     * {@link ai.steersynth.engine.model.KeyValueCache#retainRows}; what was captured stays with its row.
     */
    public void retainRows(NDManager manager, int[] positions) {
        long[] index = java.util.Arrays.stream(positions).asLongStream().toArray();
        for (List<Slot> slots : slotsByLayer) {
            for (int i = 0; i < slots.size(); i++) {
                Slot slot = slots.get(i);
                NDArray kept;
                try (NDManager scratch = manager.newSubManager()) {
                    kept = slot.scaledVectors()
                            .get(manager, new ai.djl.ndarray.index.NDIndex("{}", scratch.create(index)));
                }
                slot.scaledVectors().close();
                SteeringPositions[] positionsKept = new SteeringPositions[positions.length];
                for (int p = 0; p < positions.length; p++) {
                    positionsKept[p] = slot.positions()[positions[p]];
                }
                slots.set(i, new Slot(kept, positionsKept));
            }
        }
        int[] padding = new int[positions.length];
        ActivationCapture[] capturesKept = new ActivationCapture[positions.length];
        int[] rows = new int[positions.length];
        for (int p = 0; p < positions.length; p++) {
            padding[p] = leftPadding[positions[p]];
            capturesKept[p] = captures[positions[p]];
            rows[p] = rowAt[positions[p]];
        }
        leftPadding = padding;
        captures = capturesKept;
        rowAt = rows;
        batch = positions.length;
    }

    /** What was captured for {@code row} so far. */
    public CapturedActivations captured(int row) {
        if (lastPromptToken.get(row).isEmpty()
                && meanOverPrompt.get(row).isEmpty()
                && generatedTokens.get(row).isEmpty()) {
            return CapturedActivations.NONE;
        }
        return new CapturedActivations(
                Map.copyOf(lastPromptToken.get(row)),
                Map.copyOf(meanOverPrompt.get(row)),
                Map.copyOf(generatedTokens.get(row)));
    }
}
