package ai.steersynth.engine.weights;

import ai.steersynth.engine.ModelFileException;
import ai.steersynth.engine.model.ModelConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GGUF checkpoint seen through Hugging Face names and layouts: llama.cpp tensor names are mapped
 * back ({@code blk.0.attn_q.weight} to {@code model.layers.0.self_attn.q_proj.weight}), tensors are
 * dequantised to fp32, and for {@code llama} files the q/k row permutation of llama.cpp's converter
 * is undone exactly as transformers' {@code LlamaTensorProcessor._reverse_permute_weights} does.
 */
public final class GgufWeightSource implements WeightSource {

    private static final Logger log = LoggerFactory.getLogger(GgufWeightSource.class);

    private static final Map<String, String> GLOBAL_NAMES = Map.of(
            "token_embd.weight", "model.embed_tokens.weight",
            "output_norm.weight", "model.norm.weight",
            "output.weight", "lm_head.weight");

    private static final Map<String, String> BLOCK_NAMES = Map.ofEntries(
            Map.entry("attn_norm", "input_layernorm"),
            Map.entry("ffn_norm", "post_attention_layernorm"),
            Map.entry("attn_q", "self_attn.q_proj"),
            Map.entry("attn_k", "self_attn.k_proj"),
            Map.entry("attn_v", "self_attn.v_proj"),
            Map.entry("attn_output", "self_attn.o_proj"),
            Map.entry("ffn_gate", "mlp.gate_proj"),
            Map.entry("ffn_up", "mlp.up_proj"),
            Map.entry("ffn_down", "mlp.down_proj"));

    private static final Pattern BLOCK_TENSOR = Pattern.compile("blk\\.(\\d+)\\.([a-z_]+)\\.(weight|bias)");

    private final GgufFile file;
    private final ModelConfig config;
    private final Map<String, GgufTensorInfo> byHuggingFaceName;

    private GgufWeightSource(GgufFile file) {
        this.file = file;
        this.config = GgufConfigMapping.toModelConfig(file);
        Map<String, GgufTensorInfo> names = new LinkedHashMap<>();
        List<String> unmapped = new ArrayList<>();
        for (GgufTensorInfo tensor : file.tensors().values()) {
            String huggingFaceName = huggingFaceName(tensor.name());
            if (huggingFaceName == null && !tensor.name().equals("rope_freqs.weight")) {
                unmapped.add(tensor.name()); // rope_freqs is read into the configuration instead
            } else if (huggingFaceName != null) {
                names.put(huggingFaceName, tensor);
            }
        }
        if (!unmapped.isEmpty()) {
            log.warn("{}: ignoring tensors with no Hugging Face counterpart: {}", file.path(), unmapped);
        }
        this.byHuggingFaceName = Collections.unmodifiableMap(names);
    }

    /**
     * Opens a GGUF file as a weight source.
     *
     * @throws ModelFileException when the file is missing or malformed, or its architecture is not supported
     */
    public static GgufWeightSource open(Path path) {
        GgufFile file = GgufFile.open(path);
        try {
            return new GgufWeightSource(file);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** The llama.cpp tensor name's Hugging Face counterpart, or {@code null} when it has none. */
    static String huggingFaceName(String ggufName) {
        String global = GLOBAL_NAMES.get(ggufName);
        if (global != null) {
            return global;
        }
        Matcher matcher = BLOCK_TENSOR.matcher(ggufName);
        if (!matcher.matches()) {
            return null;
        }
        String part = BLOCK_NAMES.get(matcher.group(2));
        return part == null ? null : "model.layers." + matcher.group(1) + "." + part + "." + matcher.group(3);
    }

    /** The underlying file, for its metadata (tokenizer, chat template). */
    public GgufFile file() {
        return file;
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public Set<String> tensorNames() {
        return byHuggingFaceName.keySet();
    }

    @Override
    public long[] shape(String name) {
        return tensor(name).torchShape();
    }

    @Override
    public ByteBuffer float32(String name) {
        GgufTensorInfo tensor = tensor(name);
        if (tensor.type() == null || !tensor.type().dequantizable()) {
            throw new ModelFileException(file.path() + ": tensor '" + tensor.name() + "' (" + name + ") has type "
                    + tensor.typeName() + ", which is not supported (supported: F32, F16, BF16, Q8_0, Q4_0, "
                    + "Q4_1, Q4_K, Q6_K)");
        }
        int heads = permutedHeads(name);
        ByteBuffer raw = file.map(tensor);
        if (tensor.type() == GgmlType.F32 && heads == 0) {
            return raw; // already fp32 little-endian: no copy
        }
        long elements = tensor.elementCount();
        if (elements * Float.BYTES > Integer.MAX_VALUE) {
            throw new ModelFileException(file.path() + ": tensor '" + tensor.name() + "' has " + elements
                    + " elements, over the 2 GiB an fp32 buffer can hold");
        }
        ByteBuffer result =
                ByteBuffer.allocateDirect((int) elements * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer values = result.asFloatBuffer();
        if (heads == 0) {
            GgmlDequantizer.dequantize(tensor.type(), raw, 0, values, 0, (int) elements);
        } else {
            dequantizeUnpermuted(tensor, raw, values, heads);
        }
        return result;
    }

    /**
     * llama.cpp stores each head's rows interleaved as pairs: GGUF row {@code h*headSize + 2*i + j}
     * (i below headSize/2, j in {0,1}) is HF row {@code h*headSize + j*headSize/2 + i}, i.e.
     * transformers' {@code reshape(n_head, dim, 2, ...).swapaxes(2, 1)}. Rows are whole blocks, so
     * each is dequantised straight into its HF position.
     */
    private void dequantizeUnpermuted(GgufTensorInfo tensor, ByteBuffer raw, FloatBuffer values, int heads) {
        long[] shape = tensor.torchShape();
        int rows = (int) shape[0];
        int rowLength = (int) (tensor.elementCount() / rows);
        if (rows % (2 * heads) != 0) {
            throw new ModelFileException(file.path() + ": tensor '" + tensor.name() + "' has " + rows
                    + " rows, not a whole number of row pairs for " + heads + " heads");
        }
        int headSize = rows / heads;
        int half = headSize / 2;
        int rowBytes = (int) tensor.type().byteSize(rowLength);
        for (int row = 0; row < rows; row++) {
            int head = row / headSize;
            int withinHead = row % headSize;
            int huggingFaceRow = head * headSize + (withinHead % 2) * half + withinHead / 2;
            GgmlDequantizer.dequantize(
                    tensor.type(), raw, row * rowBytes, values, huggingFaceRow * rowLength, rowLength);
        }
    }

    /** Heads to un-permute over for q/k projections of llama files (k uses the key/value heads); 0 otherwise. */
    private int permutedHeads(String name) {
        if (!config.architecture().equals("llama")) {
            return 0;
        }
        if (name.contains(".self_attn.q_proj.")) {
            return config.numberOfHeads();
        }
        if (name.contains(".self_attn.k_proj.")) {
            return config.numberOfKeyValueHeads();
        }
        return 0;
    }

    private GgufTensorInfo tensor(String name) {
        GgufTensorInfo tensor = byHuggingFaceName.get(name);
        if (tensor == null) {
            throw new ModelFileException(file.path() + ": no tensor named '" + name + "'");
        }
        return tensor;
    }

    @Override
    public String location() {
        return file.path().toString();
    }

    @Override
    public String contentHash() {
        return file.headerSha256();
    }

    @Override
    public void close() {
        file.close();
    }
}
