package ai.steersynth.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.steersynth.engine.weights.WeightSource;
import java.util.Set;

/**
 * A Llama-family decoder (Llama 2/3, Mistral, Qwen2/2.5, SmolLM2) on DJL's PyTorch engine, in fp32.
 * Weights live on the model's own manager for the model's lifetime; every forward pass allocates on
 * the manager of the token ids it is given, so a caller that closes a per-step sub-manager frees
 * everything the step made. Thread-safety: one forward pass at a time per cache; the weights are
 * read-only and may be shared by several generators.
 */
public final class LlamaModel implements AutoCloseable {

    /** Added to attention scores of hidden slots; finite so that a fully hidden padding row stays NaN-free. */
    static final float MASKED = -1e30f;

    private final ModelConfig config;
    private final NDManager manager;
    private final String location;
    private final String contentHash;
    private final NDArray embeddings; // [vocab, hidden]
    private final NDArray lmHeadTransposed; // [hidden, vocab], contiguous, final norm folded
    private final NDArray inverseFrequencies; // [headSize / 2]
    private final Layer[] layers;

    /**
     * One decoder block's weights. Linear maps are stored transposed ({@code [in, out]}, contiguous)
     * so the forward pass multiplies activations on the left; q/k/v and gate/up are fused into one
     * matrix each. Two constants are folded in at load time to save an elementwise op per use: each
     * RMSNorm weight scales the rows of the matrix that reads the normalised stream
     * ({@code (x * w) W = x (diag(w) W)}), and the attention scale {@code 1/sqrt(headSize)} scales the
     * query columns (RoPE is linear, so it commutes).
     */
    private record Layer(
            NDArray queryKeyValue, // [hidden, (heads + 2 kvHeads) * headSize], input norm and q scale folded
            NDArray queryKeyValueBias, // [(heads + 2 kvHeads) * headSize] or null, q scale folded
            NDArray output, // [heads * headSize, hidden]
            NDArray gateUp, // [hidden, 2 * intermediate], post-attention norm folded
            NDArray down) {} // [intermediate, hidden]

    private LlamaModel(
            ModelConfig config,
            NDManager manager,
            String location,
            String contentHash,
            NDArray embeddings,
            NDArray lmHeadTransposed,
            NDArray inverseFrequencies,
            Layer[] layers) {
        this.config = config;
        this.manager = manager;
        this.location = location;
        this.contentHash = contentHash;
        this.embeddings = embeddings;
        this.lmHeadTransposed = lmHeadTransposed;
        this.inverseFrequencies = inverseFrequencies;
        this.layers = layers;
    }

    /**
     * Copies a checkpoint's weights onto {@code device} as fp32. The source may be closed afterwards:
     * the model owns copies, never views of the source's buffers.
     *
     * @param source HF-named tensors in HF layouts
     * @param device {@code Device.cpu()} or a GPU, e.g. from {@link Devices#resolve(String)}
     */
    public static LlamaModel load(WeightSource source, Device device) {
        ModelConfig config = source.config();
        NDManager manager = NDManager.newBaseManager(device);
        try (NDManager staging = NDManager.newBaseManager(Device.cpu())) {
            Loader loader = new Loader(source, staging, manager, device);
            int queryWidth = config.numberOfHeads() * config.headSize();
            int fusedWidth = queryWidth + 2 * config.numberOfKeyValueHeads() * config.headSize();
            float[] queryScale = new float[fusedWidth];
            java.util.Arrays.fill(queryScale, 1f);
            java.util.Arrays.fill(queryScale, 0, queryWidth, (float) (1.0 / Math.sqrt(config.headSize())));
            Layer[] layers = new Layer[config.numberOfLayers()];
            for (int i = 0; i < layers.length; i++) {
                String prefix = "model.layers." + i + ".";
                NDArray bias = null;
                if (config.attentionBias()) {
                    bias = loader.joined(
                            queryScale,
                            prefix + "self_attn.q_proj.bias",
                            prefix + "self_attn.k_proj.bias",
                            prefix + "self_attn.v_proj.bias");
                }
                layers[i] = new Layer(
                        loader.transposed(
                                prefix + "input_layernorm.weight",
                                queryScale,
                                prefix + "self_attn.q_proj.weight",
                                prefix + "self_attn.k_proj.weight",
                                prefix + "self_attn.v_proj.weight"),
                        bias,
                        loader.transposed(null, null, prefix + "self_attn.o_proj.weight"),
                        loader.transposed(
                                prefix + "post_attention_layernorm.weight",
                                null,
                                prefix + "mlp.gate_proj.weight",
                                prefix + "mlp.up_proj.weight"),
                        loader.transposed(null, null, prefix + "mlp.down_proj.weight"));
            }
            NDArray embeddings = loader.plain("model.embed_tokens.weight");
            Set<String> names = source.tensorNames();
            String head = !config.tiedEmbeddings() && names.contains("lm_head.weight")
                    ? "lm_head.weight"
                    : "model.embed_tokens.weight";
            NDArray lmHead = loader.transposed("model.norm.weight", null, head);
            float[] inverse =
                    RotaryEmbedding.inverseFrequencies(config.headSize(), config.ropeTheta(), config.ropeScaling());
            NDArray inverseFrequencies = manager.create(inverse);
            return new LlamaModel(
                    config,
                    manager,
                    source.location(),
                    source.contentHash(),
                    embeddings,
                    lmHead,
                    inverseFrequencies,
                    layers);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Creates fp32 copies of source tensors on the model's manager. */
    private record Loader(WeightSource source, NDManager staging, NDManager target, Device device) {

        /** Views the source buffer without copying; valid while the source is open. */
        NDArray view(String name) {
            if (!source.tensorNames().contains(name)) {
                throw new IllegalArgumentException("tensor " + name + " missing in " + source.location());
            }
            return staging.create(source.float32(name), new Shape(source.shape(name)), DataType.FLOAT32);
        }

        NDArray plain(String name) {
            return own(view(name).duplicate());
        }

        /**
         * The named [out, in] matrices transposed and joined along the output axis: [in, sum(out)],
         * contiguous. Rows are scaled by the norm weight {@code rowScaleName} and columns by
         * {@code columnScale} when given.
         */
        NDArray transposed(String rowScaleName, float[] columnScale, String... names) {
            NDList parts = new NDList();
            for (String name : names) {
                parts.add(view(name).transpose());
            }
            NDArray joined = NDArrays.concat(parts, 1); // concat copies, also for a single part
            if (rowScaleName != null) {
                joined = joined.mul(view(rowScaleName).expandDims(1));
            }
            if (columnScale != null) {
                joined = joined.mul(staging.create(columnScale));
            }
            // flatten copies a strided tensor into row-major order (and is a view when it already is)
            return own(joined.flatten().reshape(joined.getShape()));
        }

        /** The named vectors joined, each element scaled by {@code scale}. */
        NDArray joined(float[] scale, String... names) {
            NDList parts = new NDList();
            for (String name : names) {
                parts.add(view(name));
            }
            return own(NDArrays.concat(parts, 0).mul(staging.create(scale)));
        }

        private NDArray own(NDArray stagingCopy) {
            NDArray onDevice = stagingCopy.toDevice(device, false);
            onDevice.attach(target);
            return onDevice;
        }
    }

    /** The configuration the weights were read with. */
    public ModelConfig config() {
        return config;
    }

    /** Where the weights came from. */
    public String location() {
        return location;
    }

    /** The source's content hash, for provenance. */
    public String contentHash() {
        return contentHash;
    }

    /** The device the weights live on. */
    public Device device() {
        return manager.getDevice();
    }

    /** A manager on the model's device for a request's arrays; close it when the request ends. */
    public NDManager newRequestManager() {
        return manager.newSubManager();
    }

    /**
     * A key/value cache for a batch whose rows are left-padded by {@code leftPadding[row]} slots.
     *
     * @param parent the request's manager; the cache's arrays live on a sub-manager of it
     * @param capacity slots per row, padding included: longest prompt plus new tokens
     */
    public KeyValueCache newCache(NDManager parent, int[] leftPadding, int capacity) {
        return new KeyValueCache(parent, config, leftPadding, capacity);
    }

    /**
     * Runs the decoder on the next {@code seq} tokens of every row, appends their keys and values to
     * the cache and returns the logits of the last position. Rows are left-padded: slot {@code j} of
     * row {@code b} holds position {@code j - leftPadding[b]}; padding slots are never attended to.
     *
     * @param tokenIds int64 {@code [batch, seq]}; every array the pass makes belongs to its manager
     * @param cache the batch's cache, advanced by {@code seq}
     * @param hook called with the residual stream after each block
     * @return logits {@code [batch, vocab]} for each row's last position
     */
    public NDArray forward(NDArray tokenIds, KeyValueCache cache, ResidualStreamHook hook) {
        NDManager step = tokenIds.getManager();
        int batch = Math.toIntExact(tokenIds.getShape().get(0));
        int seq = Math.toIntExact(tokenIds.getShape().get(1));
        int start = cache.length();
        int end = start + seq;
        if (batch != cache.batchSize() || end > cache.capacity()) {
            throw new IllegalArgumentException("batch " + batch + " x " + end + " slots does not fit cache "
                    + cache.batchSize() + " x " + cache.capacity());
        }
        float epsilon = config.rmsNormEpsilon();

        // Position ids per row (padding slots get 0; they are masked anyway) and the additive mask:
        // a query in slot i may see slot j when j <= i (causal) and j is not padding.
        float[] positions = new float[batch * seq];
        float[] paddingMask = new float[batch * end];
        for (int b = 0; b < batch; b++) {
            int padding = cache.leftPadding(b);
            for (int s = 0; s < seq; s++) {
                positions[b * seq + s] = Math.max(0, start + s - padding);
            }
            for (int j = 0; j < Math.min(padding, end); j++) {
                paddingMask[b * end + j] = MASKED;
            }
        }
        NDArray mask; // broadcasts over the scores' [batch, kv, groups * seq, end] or [..., groups, seq, end]
        if (seq == 1) {
            mask = step.create(paddingMask, new Shape(batch, 1, 1, end)); // [batch, 1, 1, end]
        } else {
            float[] causal = new float[seq * end];
            for (int s = 0; s < seq; s++) {
                for (int j = start + s + 1; j < end; j++) {
                    causal[s * end + j] = MASKED;
                }
            }
            mask = step.create(paddingMask, new Shape(batch, 1, 1, 1, end)) // [batch, 1, 1, 1, end]
                    .add(step.create(causal, new Shape(1, 1, 1, seq, end))); // [batch, 1, 1, seq, end]
        }

        // RoPE angles, the same for every head: position * inverse frequency, repeated over both halves.
        NDArray angles = step.create(positions, new Shape(batch, seq, 1)).mul(inverseFrequencies); // [b, s, hd/2]
        angles = angles.concat(angles, 2).expandDims(2); // [batch, seq, 1, headSize]
        NDArray cos = angles.cos();
        NDArray sin = angles.sin();

        NDArray x = embeddings.get(step, new NDIndex("{}", tokenIds)); // [batch, seq, hidden]
        for (int i = 0; i < layers.length; i++) {
            // A scope per layer frees the layer's intermediates as soon as it is done (otherwise a prefill
            // holds all layers' activations at once): x moves in, every op on it allocates there, and the
            // block's output moves back out to the step's manager.
            try (NDManager scope = step.newSubManager()) {
                x.attach(scope);
                x = block(i, x, scope, cache, cos, sin, mask, start, batch, seq, hook);
                x.attach(step);
            }
        }
        cache.advance(seq);

        // Only the last position's logits are needed for the next token (final norm weight folded in).
        NDArray last = seq == 1 ? x.reshape(batch, -1) : x.get(":, -1, :"); // [batch, hidden]
        return normalize(last, epsilon).matMul(lmHeadTransposed); // [batch, vocab]
    }

    /**
     * The final norm and the LM head applied to residual-stream states, e.g. the last block's output a
     * {@link ResidualStreamHook} saw: what {@link #forward} does to the last position, for any positions.
     *
     * @param hidden {@code [..., hidden]}; the result belongs to its manager
     * @return logits {@code [..., vocab]}
     */
    public NDArray logitsOf(NDArray hidden) {
        return normalize(hidden, config.rmsNormEpsilon()).matMul(lmHeadTransposed); // [..., vocab]
    }

    /** Decoder block {@code i} over {@code x} ({@code [batch, seq, hidden]}, on {@code scope}), hook included. */
    private NDArray block(
            int i,
            NDArray x,
            NDManager scope,
            KeyValueCache cache,
            NDArray cos,
            NDArray sin,
            NDArray mask,
            int start,
            int batch,
            int seq,
            ResidualStreamHook hook) {
        int heads = config.numberOfHeads();
        int kvHeads = config.numberOfKeyValueHeads();
        int groups = config.queryGroups();
        int headSize = config.headSize();
        float epsilon = config.rmsNormEpsilon();
        int end = start + seq;
        // The cache slots this pass writes, and all filled slots it reads, as [min, max) per axis.
        long[] ones = {1, 1, 1, 1};
        long[] writeFrom = {0, 0, start, 0};
        long[] writeTo = {batch, kvHeads, end, headSize};
        long[] readFrom = {0, 0, 0, 0};
        long[] readTo = writeTo;
        long[] splitQueryKeyValue = {heads + kvHeads};
        long[] splitQueryKey = {heads};
        long[] splitGateUp = {config.intermediateSize()};
        {
            Layer layer = layers[i];

            // Attention: fused q/k/v projection (norm weight and q scale folded in), RoPE on q and k
            // together, then the new k/v written into the cache in place.
            NDArray qkv = normalize(x, epsilon).matMul(layer.queryKeyValue()); // [b, s, (heads + 2 kv) * hd]
            if (layer.queryKeyValueBias() != null) {
                qkv = qkv.addi(layer.queryKeyValueBias());
            }
            NDList queryKeyAndValues = qkv.reshape(batch, seq, heads + 2L * kvHeads, headSize) // [b, s, h+2kv, hd]
                    .split(splitQueryKeyValue, 2);
            NDArray queryKey = RotaryEmbedding.apply(queryKeyAndValues.get(0), cos, sin); // [b, s, h + kv, hd]
            NDList queriesAndKeys = queryKey.split(splitQueryKey, 2);
            PtNDArray keys = (PtNDArray) queriesAndKeys.get(1).transpose(0, 2, 1, 3); // [batch, kv, seq, hd]
            PtNDArray values = (PtNDArray) queryKeyAndValues.get(1).transpose(0, 2, 1, 3); // [b, kv, seq, hd]
            // DJL's NDIndex set/get go through advanced indexing (several JNI calls and a parse each);
            // plain slices are one call.
            JniUtils.indexSet((PtNDArray) cache.keys(i), keys, writeFrom, writeTo, ones);
            JniUtils.indexSet((PtNDArray) cache.values(i), values, writeFrom, writeTo, ones);
            NDArray allKeys = JniUtils.index((PtNDArray) cache.keys(i), readFrom, readTo, ones, (PtNDManager) scope);
            NDArray allValues =
                    JniUtils.index((PtNDArray) cache.values(i), readFrom, readTo, ones, (PtNDManager) scope);

            // Grouped-query attention without repeating k/v: query head h uses kv head h / groups, so
            // the group's queries are stacked along the row axis of one matmul per kv head.
            NDArray queries = queriesAndKeys.get(0).transpose(0, 2, 1, 3); // [batch, heads, seq, hd]
            queries = queries.reshape(batch, kvHeads, (long) groups * seq, headSize); // [b, kv, groups*seq, hd]
            NDArray scores = queries.matMul(allKeys.transpose(0, 1, 3, 2)); // [batch, kv, groups * seq, end]
            NDArray attention;
            if (seq == 1) {
                NDArray weights = scores.addi(mask).softmax(-1); // [batch, kv, groups, end]
                attention = weights.matMul(allValues).reshape(batch, 1, (long) heads * headSize); // [b, 1, h*hd]
            } else {
                scores = scores.reshape(batch, kvHeads, groups, seq, end).addi(mask); // [b, kv, groups, seq, end]
                NDArray weights = scores.softmax(-1).reshape(batch, kvHeads, (long) groups * seq, end);
                attention = weights.matMul(allValues); // [batch, kv, groups * seq, hd]
                attention = attention.reshape(batch, heads, seq, headSize).transpose(0, 2, 1, 3); // [b,s,h,hd]
                attention = attention.reshape(batch, seq, (long) heads * headSize); // [batch, seq, heads * hd]
            }
            x = x.addi(attention.matMul(layer.output())); // [batch, seq, hidden]

            // SiLU-gated MLP with the fused gate/up projection (norm weight folded in).
            NDList gateAndUp = normalize(x, epsilon).matMul(layer.gateUp()).split(splitGateUp, 2);
            NDArray gate = gateAndUp.get(0); // [batch, seq, intermediate]
            NDArray activated = gate.mul(Activation.sigmoid(gate)).muli(gateAndUp.get(1)); // [b, s, intermediate]
            x = x.addi(activated.matMul(layer.down())); // [batch, seq, hidden]

            return hook.afterBlock(i, x);
        }
    }

    /** {@code x / sqrt(mean(x^2) + eps)} over the last axis: RMSNorm without its weight. */
    static NDArray normalize(NDArray x, float epsilon) {
        NDArray meanSquare = x.square().mean(new int[] {-1}, true); // [..., 1]
        return x.div(meanSquare.addi(epsilon).sqrt());
    }

    /** Transformers' LlamaRMSNorm, {@code x / sqrt(mean(x^2) + eps) * weight}, for tests. */
    static NDArray rmsNorm(NDArray x, NDArray weight, float epsilon) {
        return normalize(x, epsilon).mul(weight);
    }

    @Override
    public void close() {
        manager.close();
    }
}
