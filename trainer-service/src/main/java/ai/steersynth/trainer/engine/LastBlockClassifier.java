package ai.steersynth.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.steersynth.engine.model.ModelConfig;
import ai.steersynth.engine.model.RotaryEmbedding;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model's last decoder block, its final RMSNorm and a linear classification head, as trainable DJL arrays: the
 * part of the model the {@code finetune} detector trains. It reads the residual stream entering the last block
 * (the frozen lower blocks' output), runs the block as the engine does (RMSNorm, grouped-query attention with RoPE
 * and a causal mask, SiLU-gated MLP, both with their residual connections), applies the final norm, averages over
 * the pooled positions and maps the mean to one logit. Sequences are right-padded; positions start at 0 in every
 * row, and a padding slot is never attended to by a real one (causal), nor pooled.
 *
 * <p>Initialised from the checkpoint, its block output equals the engine's; the head starts at zero. All arithmetic
 * is out of place, so gradients flow through every step.
 */
final class LastBlockClassifier {

    static final String HEAD_WEIGHT = "head.weight";
    static final String HEAD_BIAS = "head.bias";
    private static final float MASKED = -1e9f;

    private final ModelConfig config;
    private final Map<String, NDArray> parameters;
    private final NDArray inverseFrequencies;

    private LastBlockClassifier(ModelConfig config, Map<String, NDArray> parameters, NDArray inverseFrequencies) {
        this.config = config;
        this.parameters = parameters;
        this.inverseFrequencies = inverseFrequencies;
    }

    /**
     * The checkpoint's last block and final norm, a zero head, on {@code manager}.
     *
     * @throws IllegalArgumentException for a model of one block (nothing below it to freeze)
     */
    static LastBlockClassifier fromModel(ResidualFeatureReader model, NDManager manager) {
        ModelConfig config = model.config();
        if (config.numberOfLayers() < 2) {
            throw new IllegalArgumentException(
                    "finetune needs a model of at least 2 blocks, " + model.description() + " has 1");
        }
        int h = config.hiddenSize();
        int q = config.numberOfHeads() * config.headSize();
        int kv = config.numberOfKeyValueHeads() * config.headSize();
        int inter = config.intermediateSize();
        String p = "model.layers." + (config.numberOfLayers() - 1) + ".";
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        put(values, shapes, "attention_norm", model.weight(p + "input_layernorm.weight"), new Shape(h));
        // Checkpoint linears are [out, in]; kept as [in, out] so that x.matMul(w) applies them.
        put(values, shapes, "q", transpose(model.weight(p + "self_attn.q_proj.weight"), q, h), new Shape(h, q));
        put(values, shapes, "k", transpose(model.weight(p + "self_attn.k_proj.weight"), kv, h), new Shape(h, kv));
        put(values, shapes, "v", transpose(model.weight(p + "self_attn.v_proj.weight"), kv, h), new Shape(h, kv));
        if (config.attentionBias()) {
            put(values, shapes, "q.bias", model.weight(p + "self_attn.q_proj.bias"), new Shape(q));
            put(values, shapes, "k.bias", model.weight(p + "self_attn.k_proj.bias"), new Shape(kv));
            put(values, shapes, "v.bias", model.weight(p + "self_attn.v_proj.bias"), new Shape(kv));
        }
        put(values, shapes, "o", transpose(model.weight(p + "self_attn.o_proj.weight"), h, q), new Shape(q, h));
        put(values, shapes, "mlp_norm", model.weight(p + "post_attention_layernorm.weight"), new Shape(h));
        put(values, shapes, "gate", transpose(model.weight(p + "mlp.gate_proj.weight"), inter, h), new Shape(h, inter));
        put(values, shapes, "up", transpose(model.weight(p + "mlp.up_proj.weight"), inter, h), new Shape(h, inter));
        put(values, shapes, "down", transpose(model.weight(p + "mlp.down_proj.weight"), h, inter), new Shape(inter, h));
        put(values, shapes, "final_norm", model.weight("model.norm.weight"), new Shape(h));
        put(values, shapes, HEAD_WEIGHT, new float[h], new Shape(h, 1));
        put(values, shapes, HEAD_BIAS, new float[1], new Shape(1));
        return fromValues(config, values, shapes, manager);
    }

    /** A copy of {@link #snapshot()}'s values on {@code manager}. */
    static LastBlockClassifier fromValues(
            ModelConfig config, Map<String, float[]> values, Map<String, Shape> shapes, NDManager manager) {
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        values.forEach((name, v) -> parameters.put(name, manager.create(v.clone(), shapes.get(name))));
        float[] inverse =
                RotaryEmbedding.inverseFrequencies(config.headSize(), config.ropeTheta(), config.ropeScaling());
        return new LastBlockClassifier(config, parameters, manager.create(inverse));
    }

    private static void put(Map<String, float[]> values, Map<String, Shape> shapes, String name, float[] v, Shape s) {
        if (v.length != s.size()) {
            throw new IllegalArgumentException(name + ": expected " + s.size() + " values, got " + v.length);
        }
        values.put(name, v);
        shapes.put(name, s);
    }

    private static float[] transpose(float[] rowMajor, int rows, int columns) {
        float[] t = new float[rowMajor.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                t[c * rows + r] = rowMajor[r * columns + c];
            }
        }
        return t;
    }

    /** Every trainable array by name, in a fixed order. */
    Map<String, NDArray> parameters() {
        return parameters;
    }

    /** The parameters' current values and shapes. */
    Map<String, float[]> snapshot() {
        Map<String, float[]> values = new LinkedHashMap<>();
        parameters.forEach((name, array) -> values.put(name, array.toFloatArray()));
        return values;
    }

    /** The parameters' shapes. */
    Map<String, Shape> shapes() {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        parameters.forEach((name, array) -> shapes.put(name, array.getShape()));
        return shapes;
    }

    /**
     * The block's output.
     *
     * @param x the residual entering the block, {@code [batch, seq, hidden]}, right-padded
     */
    NDArray blockOutput(NDArray x) {
        NDManager m = x.getManager();
        int batch = Math.toIntExact(x.getShape().get(0));
        int seq = Math.toIntExact(x.getShape().get(1));
        int heads = config.numberOfHeads();
        int kvHeads = config.numberOfKeyValueHeads();
        int headSize = config.headSize();
        int groups = heads / kvHeads;

        float[] positions = new float[seq];
        for (int s = 0; s < seq; s++) {
            positions[s] = s;
        }
        NDArray angles = m.create(positions, new Shape(1, seq, 1)).mul(inverseFrequencies); // [1, seq, hd/2]
        angles = angles.concat(angles, 2).expandDims(2); // [1, seq, 1, hd]
        NDArray cos = angles.cos();
        NDArray sin = angles.sin();
        float[] causal = new float[seq * seq];
        for (int i = 0; i < seq; i++) {
            for (int j = i + 1; j < seq; j++) {
                causal[i * seq + j] = MASKED;
            }
        }
        NDArray mask = m.create(causal, new Shape(1, 1, seq, seq));

        NDArray normed = rmsNorm(x, p("attention_norm"));
        NDArray query = project(normed, "q").reshape(batch, seq, heads, headSize);
        NDArray key = project(normed, "k").reshape(batch, seq, kvHeads, headSize);
        NDArray value = project(normed, "v").reshape(batch, seq, kvHeads, headSize);
        query = rope(query, cos, sin).transpose(0, 2, 1, 3); // [batch, heads, seq, hd]
        key = repeatHeads(rope(key, cos, sin).transpose(0, 2, 1, 3), groups); // [batch, heads, seq, hd]
        value = repeatHeads(value.transpose(0, 2, 1, 3), groups);
        NDArray scores = query.matMul(key.transpose(0, 1, 3, 2))
                .div((float) Math.sqrt(headSize))
                .add(mask);
        NDArray attention = scores.softmax(-1)
                .matMul(value) // [batch, heads, seq, hd]
                .transpose(0, 2, 1, 3)
                .reshape(batch, seq, (long) heads * headSize);
        NDArray h = x.add(attention.matMul(p("o")));

        NDArray mlpIn = rmsNorm(h, p("mlp_norm"));
        NDArray gate = mlpIn.matMul(p("gate"));
        NDArray activated = gate.mul(Activation.sigmoid(gate)).mul(mlpIn.matMul(p("up")));
        return h.add(activated.matMul(p("down")));
    }

    /**
     * One logit per row.
     *
     * @param x the residual entering the block, {@code [batch, seq, hidden]}, right-padded
     * @param poolWeights {@code [batch, seq, 1]}: 1 / count at the pooled positions of the row, 0 elsewhere
     */
    NDArray logits(NDArray x, NDArray poolWeights) {
        int batch = Math.toIntExact(x.getShape().get(0));
        NDArray pooled =
                rmsNorm(blockOutput(x), p("final_norm")).mul(poolWeights).sum(new int[] {1}); // [b, h]
        return pooled.matMul(p(HEAD_WEIGHT)).reshape(batch).add(p(HEAD_BIAS));
    }

    private NDArray project(NDArray x, String name) {
        NDArray y = x.matMul(p(name));
        NDArray bias = parameters.get(name + ".bias");
        return bias == null ? y : y.add(bias);
    }

    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray meanSquare = x.square().mean(new int[] {-1}, true);
        return x.div(meanSquare.add(config.rmsNormEpsilon()).sqrt()).mul(weight);
    }

    private static NDArray rope(NDArray x, NDArray cos, NDArray sin) {
        NDList halves = x.split(2, 3);
        NDArray rotated = halves.get(1).neg().concat(halves.get(0), 3);
        return x.mul(cos).add(rotated.mul(sin));
    }

    /** {@code [batch, kv, seq, hd]} to {@code [batch, kv * groups, seq, hd]}, query head h reading kv head h / groups. */
    private static NDArray repeatHeads(NDArray x, int groups) {
        if (groups == 1) {
            return x;
        }
        Shape s = x.getShape();
        return x.expandDims(2).repeat(2, groups).reshape(s.get(0), s.get(1) * groups, s.get(2), s.get(3));
    }

    private NDArray p(String name) {
        return parameters.get(name);
    }
}
