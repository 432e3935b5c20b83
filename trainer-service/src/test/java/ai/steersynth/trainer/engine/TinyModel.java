package ai.steersynth.trainer.engine;

import ai.djl.Device;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.model.ModelConfig;
import ai.steersynth.engine.tokenizer.TextTokenizer;
import ai.steersynth.engine.weights.WeightSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A tiny Llama with seeded random weights (3 blocks, hidden 32, vocabulary 260) and a byte tokenizer that prepends
 * BOS, for tests that need a real forward pass in milliseconds.
 */
final class TinyModel {

    static final ModelConfig CONFIG =
            new ModelConfig("llama", 3, 32, 64, 4, 2, 8, 260, 512, 1e-5f, 10000f, null, true, false);

    private TinyModel() {}

    /** A freshly loaded tiny model on the CPU. */
    static LoadedModel load(String description) {
        Weights weights = new Weights(CONFIG, 42);
        return new LoadedModel(description, LlamaModel.load(weights, Device.cpu()), new Bytes(), weights, null);
    }

    /** Random weights, a seeded stream per tensor: norms near 1, the rest small. */
    private static final class Weights implements WeightSource {

        private final ModelConfig config;
        private final long seed;
        private final Map<String, long[]> shapes = new LinkedHashMap<>();

        Weights(ModelConfig config, long seed) {
            this.config = config;
            this.seed = seed;
            int h = config.hiddenSize();
            int q = config.numberOfHeads() * config.headSize();
            int kv = config.numberOfKeyValueHeads() * config.headSize();
            shapes.put("model.embed_tokens.weight", new long[] {config.vocabularySize(), h});
            for (int i = 0; i < config.numberOfLayers(); i++) {
                String p = "model.layers." + i + ".";
                shapes.put(p + "input_layernorm.weight", new long[] {h});
                shapes.put(p + "self_attn.q_proj.weight", new long[] {q, h});
                shapes.put(p + "self_attn.k_proj.weight", new long[] {kv, h});
                shapes.put(p + "self_attn.v_proj.weight", new long[] {kv, h});
                shapes.put(p + "self_attn.o_proj.weight", new long[] {h, q});
                shapes.put(p + "post_attention_layernorm.weight", new long[] {h});
                shapes.put(p + "mlp.gate_proj.weight", new long[] {config.intermediateSize(), h});
                shapes.put(p + "mlp.up_proj.weight", new long[] {config.intermediateSize(), h});
                shapes.put(p + "mlp.down_proj.weight", new long[] {h, config.intermediateSize()});
            }
            shapes.put("model.norm.weight", new long[] {h});
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
            long count = 1;
            for (long d : shapes.get(name)) {
                count *= d;
            }
            Random random = new Random(seed * 31 + name.hashCode());
            ByteBuffer buffer =
                    ByteBuffer.allocateDirect(Math.toIntExact(count * 4)).order(ByteOrder.LITTLE_ENDIAN);
            boolean norm = name.endsWith("norm.weight");
            for (long i = 0; i < count; i++) {
                float g = (float) random.nextGaussian();
                buffer.putFloat(norm ? 1f + 0.05f * g : 0.2f * g);
            }
            return buffer.flip();
        }

        @Override
        public String location() {
            return "tiny";
        }

        @Override
        public String contentHash() {
            return "tiny-" + seed;
        }

        @Override
        public void close() {}
    }

    /** UTF-8 bytes as ids 4..259, BOS = 1, EOS = 2. */
    static final class Bytes implements TextTokenizer {

        static final int BOS = 1;

        @Override
        public int[] encode(String text, boolean addSpecialTokens) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int offset = addSpecialTokens ? 1 : 0;
            int[] ids = new int[bytes.length + offset];
            if (addSpecialTokens) {
                ids[0] = BOS;
            }
            for (int i = 0; i < bytes.length; i++) {
                ids[i + offset] = 4 + (bytes[i] & 0xFF);
            }
            return ids;
        }

        @Override
        public String decode(int[] ids, boolean skipSpecialTokens) {
            byte[] bytes = new byte[ids.length];
            int n = 0;
            for (int id : ids) {
                if (id >= 4) {
                    bytes[n++] = (byte) (id - 4);
                }
            }
            return new String(bytes, 0, n, StandardCharsets.UTF_8);
        }

        @Override
        public int bosTokenId() {
            return BOS;
        }

        @Override
        public int eosTokenId() {
            return 2;
        }

        @Override
        public String bosToken() {
            return "<s>";
        }

        @Override
        public String eosToken() {
            return "</s>";
        }

        @Override
        public int[] stopTokenIds() {
            return new int[] {2};
        }

        @Override
        public String tokenString(int id) {
            return id >= 4 ? String.valueOf((char) (id - 4)) : "<" + id + ">";
        }

        @Override
        public int vocabularySize() {
            return 260;
        }

        @Override
        public boolean addsBosToken() {
            return true;
        }

        @Override
        public void close() {}
    }
}
