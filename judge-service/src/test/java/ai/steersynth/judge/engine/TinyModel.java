package ai.steersynth.judge.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a tiny random Llama as a Hugging Face directory (config.json, model.safetensors, a word-level
 * tokenizer.json, tokenizer_config.json): it loads and generates like a real model but answers noise.
 * Its vocabulary has no digits and no "success"/"coherence", so no answer of it can parse as a rubric score.
 */
final class TinyModel {

    static final List<String> WORDS = List.of(
            "<unk>",
            "</s>",
            "<s>",
            "the",
            "a",
            "cat",
            "dog",
            "is",
            "on",
            "mat",
            "response",
            "text",
            "and",
            "of",
            "to",
            ".",
            ",",
            "it",
            "was",
            "very",
            "good",
            "bad",
            "sat",
            "ran",
            "blue",
            "sky",
            "rain",
            "sun",
            "we",
            "you",
            "they",
            "that");

    private static final int HIDDEN = 16;
    private static final int INTERMEDIATE = 32;
    private static final int HEADS = 2;
    private static final int KV_HEADS = 1;
    private static final int LAYERS = 1;

    private TinyModel() {}

    /** Writes the model into {@code directory} and returns it. */
    static Path write(Path directory, long seed) throws IOException {
        int vocabulary = WORDS.size();
        Files.writeString(directory.resolve("config.json"), """
                {"model_type": "llama", "num_hidden_layers": %d, "hidden_size": %d, "intermediate_size": %d,
                 "num_attention_heads": %d, "num_key_value_heads": %d, "vocab_size": %d,
                 "max_position_embeddings": 2048, "rms_norm_eps": 1e-05, "rope_theta": 10000.0,
                 "tie_word_embeddings": true}
                """.formatted(
                        LAYERS, HIDDEN, INTERMEDIATE, HEADS, KV_HEADS, vocabulary));
        Random random = new Random(seed);
        int headSize = HIDDEN / HEADS;
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("model.embed_tokens.weight", new long[] {vocabulary, HIDDEN});
        for (int i = 0; i < LAYERS; i++) {
            String p = "model.layers." + i + ".";
            shapes.put(p + "input_layernorm.weight", new long[] {HIDDEN});
            shapes.put(p + "self_attn.q_proj.weight", new long[] {HIDDEN, HIDDEN});
            shapes.put(p + "self_attn.k_proj.weight", new long[] {KV_HEADS * headSize, HIDDEN});
            shapes.put(p + "self_attn.v_proj.weight", new long[] {KV_HEADS * headSize, HIDDEN});
            shapes.put(p + "self_attn.o_proj.weight", new long[] {HIDDEN, HIDDEN});
            shapes.put(p + "post_attention_layernorm.weight", new long[] {HIDDEN});
            shapes.put(p + "mlp.gate_proj.weight", new long[] {INTERMEDIATE, HIDDEN});
            shapes.put(p + "mlp.up_proj.weight", new long[] {INTERMEDIATE, HIDDEN});
            shapes.put(p + "mlp.down_proj.weight", new long[] {HIDDEN, INTERMEDIATE});
        }
        shapes.put("model.norm.weight", new long[] {HIDDEN});

        ObjectNode header = JsonMapper.builder().build().createObjectNode();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Map.Entry<String, long[]> tensor : shapes.entrySet()) {
            long[] shape = tensor.getValue();
            int count = (int) (shape.length == 1 ? shape[0] : shape[0] * shape[1]);
            boolean norm = tensor.getKey().endsWith("norm.weight");
            ByteBuffer bytes = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                bytes.putFloat(norm ? 1f : (float) (random.nextGaussian() * 0.5));
            }
            ObjectNode entry = header.putObject(tensor.getKey()).put("dtype", "F32");
            var shapeNode = entry.putArray("shape");
            for (long d : shape) {
                shapeNode.add(d);
            }
            entry.putArray("data_offsets").add(data.size()).add(data.size() + count * 4);
            data.write(bytes.array(), 0, count * 4);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(json.length)
                .array());
        file.write(json);
        file.write(data.toByteArray());
        Files.write(directory.resolve("model.safetensors"), file.toByteArray());

        ObjectNode vocab = JsonMapper.builder().build().createObjectNode();
        for (int i = 0; i < WORDS.size(); i++) {
            vocab.put(WORDS.get(i), i);
        }
        Files.writeString(directory.resolve("tokenizer.json"), """
                {"version": "1.0", "added_tokens": [], "normalizer": {"type": "Lowercase"},
                 "pre_tokenizer": {"type": "Whitespace"}, "post_processor": null, "decoder": null,
                 "model": {"type": "WordLevel", "unk_token": "<unk>", "vocab": %s}}
                """.formatted(vocab));
        Files.writeString(
                directory.resolve("tokenizer_config.json"), "{\"eos_token\": \"</s>\", \"bos_token\": \"<s>\"}");
        return directory;
    }
}
