package ai.steersynth.engine.model;

import ai.steersynth.engine.weights.WeightSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory checkpoint whose every weight comes from an integer hash of (tensor name, element
 * index), so a Python script can rebuild bit-identical weights for transformers
 * (scripts/reference/engine_reference_logits.py implements the same {@link #value} formula).
 */
public final class SyntheticWeightSource implements WeightSource {

    private final ModelConfig config;
    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    public SyntheticWeightSource(ModelConfig config) {
        this.config = config;
        int hidden = config.hiddenSize();
        int queryWidth = config.numberOfHeads() * config.headSize();
        int keyValueWidth = config.numberOfKeyValueHeads() * config.headSize();
        shapes.put("model.embed_tokens.weight", new long[] {config.vocabularySize(), hidden});
        for (int i = 0; i < config.numberOfLayers(); i++) {
            String p = "model.layers." + i + ".";
            shapes.put(p + "input_layernorm.weight", new long[] {hidden});
            shapes.put(p + "self_attn.q_proj.weight", new long[] {queryWidth, hidden});
            shapes.put(p + "self_attn.k_proj.weight", new long[] {keyValueWidth, hidden});
            shapes.put(p + "self_attn.v_proj.weight", new long[] {keyValueWidth, hidden});
            if (config.attentionBias()) {
                shapes.put(p + "self_attn.q_proj.bias", new long[] {queryWidth});
                shapes.put(p + "self_attn.k_proj.bias", new long[] {keyValueWidth});
                shapes.put(p + "self_attn.v_proj.bias", new long[] {keyValueWidth});
            }
            shapes.put(p + "self_attn.o_proj.weight", new long[] {hidden, queryWidth});
            shapes.put(p + "post_attention_layernorm.weight", new long[] {hidden});
            shapes.put(p + "mlp.gate_proj.weight", new long[] {config.intermediateSize(), hidden});
            shapes.put(p + "mlp.up_proj.weight", new long[] {config.intermediateSize(), hidden});
            shapes.put(p + "mlp.down_proj.weight", new long[] {hidden, config.intermediateSize()});
        }
        shapes.put("model.norm.weight", new long[] {hidden});
        if (!config.tiedEmbeddings()) {
            shapes.put("lm_head.weight", new long[] {config.vocabularySize(), hidden});
        }
    }

    /** 2 layers, hidden 64, 4 query heads over 2 kv heads, vocab 128, tied head (SmolLM2-like). */
    public static ModelConfig tinyLlama() {
        return new ModelConfig("llama", 2, 64, 128, 4, 2, 16, 128, 256, 1e-5f, 10000f, null, true, false);
    }

    /** Llama 3 shape: llama3 RoPE scaling, untied head. */
    public static ModelConfig tinyLlama3() {
        return new ModelConfig(
                "llama",
                2,
                64,
                128,
                4,
                2,
                16,
                128,
                256,
                1e-5f,
                500000f,
                new ModelConfig.RopeScaling(8f, 1f, 4f, 64),
                false,
                false);
    }

    /** Qwen2 shape: q/k/v biases, tied head. */
    public static ModelConfig tinyQwen2() {
        return new ModelConfig("qwen2", 2, 64, 128, 4, 2, 16, 128, 256, 1e-6f, 1000000f, null, true, true);
    }

    /**
     * Element {@code index} of tensor {@code name}: a 16-bit hash value times a power of two, so the
     * value is exact in fp32 on both sides. Norm weights sit near 1, biases and linear weights near 0.
     */
    public static float value(String name, long index) {
        long nameHash = name.hashCode() & 0xFFFFFFFFL;
        long x = (index * 2654435761L + nameHash * 40503L + 12345L) & 0xFFFFFFFFL;
        x ^= x >>> 15;
        x = (x * 2246822519L) & 0xFFFFFFFFL;
        x ^= x >>> 13;
        x = (x * 3266489917L) & 0xFFFFFFFFL;
        x ^= x >>> 16;
        int centered = (int) (x >>> 16) - 32768; // [-32768, 32767]
        if (name.endsWith("norm.weight")) {
            return 1f + centered * 0x1p-18f;
        }
        if (name.endsWith(".bias")) {
            return centered * 0x1p-19f;
        }
        if (name.contains("embed_tokens")) {
            return centered * 0x1p-16f;
        }
        return centered * 0x1p-18f;
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public Set<String> tensorNames() {
        return shapes.keySet();
    }

    @Override
    public long[] shape(String name) {
        return shapes.get(name).clone();
    }

    @Override
    public ByteBuffer float32(String name) {
        long[] shape = shapes.get(name);
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        ByteBuffer buffer =
                ByteBuffer.allocateDirect(Math.toIntExact(count * 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < count; i++) {
            buffer.putFloat(value(name, i));
        }
        return buffer.flip();
    }

    @Override
    public String location() {
        return "synthetic:" + config.architecture();
    }

    @Override
    public String contentHash() {
        return "synthetic-" + config.hashCode();
    }

    @Override
    public void close() {}
}
