package ai.steersynth.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.engine.ModelFileException;
import ai.steersynth.engine.model.ModelConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufWeightSourceTest {

    private static final int HIDDEN = 32;
    private static final int HEADS = 4;
    private static final int KEY_VALUE_HEADS = 2;
    private static final int HEAD_SIZE = HIDDEN / HEADS;
    private static final int FEED_FORWARD = 64;
    private static final int VOCABULARY = 10;

    @TempDir
    Path directory;

    private final Random random = new Random(42);

    @Test
    void configIsMappedFromLlamaMetadata() throws IOException {
        try (GgufWeightSource source = GgufWeightSource.open(tinyLlama(false).write(directory.resolve("m.gguf")))) {
            assertThat(source.config())
                    .isEqualTo(new ModelConfig(
                            "llama",
                            1,
                            HIDDEN,
                            FEED_FORWARD,
                            HEADS,
                            KEY_VALUE_HEADS,
                            HEAD_SIZE,
                            VOCABULARY,
                            128,
                            1e-6f,
                            500_000f,
                            null,
                            true,
                            false));
        }
    }

    @Test
    void aPaddedEmbeddingMatrixSetsTheVocabularySize() throws IOException {
        GgufTestWriter writer =
                tinyLlama(false).putArray("tokenizer.ggml.tokens", GgufValueType.STRING, List.of("a", "b", "c"));

        try (GgufWeightSource source = GgufWeightSource.open(writer.write(directory.resolve("padded.gguf")))) {
            assertThat(source.config().vocabularySize()).isEqualTo(VOCABULARY);
        }
    }

    @Test
    void tensorsGetHuggingFaceNamesAndShapes() throws IOException {
        try (GgufWeightSource source = GgufWeightSource.open(tinyLlama(false).write(directory.resolve("m.gguf")))) {
            assertThat(source.tensorNames())
                    .containsExactlyInAnyOrder(
                            "model.embed_tokens.weight",
                            "model.norm.weight",
                            "model.layers.0.input_layernorm.weight",
                            "model.layers.0.post_attention_layernorm.weight",
                            "model.layers.0.self_attn.q_proj.weight",
                            "model.layers.0.self_attn.k_proj.weight",
                            "model.layers.0.self_attn.v_proj.weight",
                            "model.layers.0.self_attn.o_proj.weight",
                            "model.layers.0.mlp.gate_proj.weight",
                            "model.layers.0.mlp.up_proj.weight",
                            "model.layers.0.mlp.down_proj.weight");
            assertThat(source.shape("model.embed_tokens.weight")).containsExactly(VOCABULARY, HIDDEN);
            assertThat(source.shape("model.layers.0.mlp.down_proj.weight")).containsExactly(HIDDEN, FEED_FORWARD);
            assertThat(source.shape("model.layers.0.self_attn.k_proj.weight"))
                    .containsExactly(KEY_VALUE_HEADS * HEAD_SIZE, HIDDEN);
        }
    }

    @Test
    void tiedEmbeddingsListNoLmHeadAndAnOutputTensorUntiesThem() throws IOException {
        GgufTestWriter writer = tinyLlama(false);
        writer.f32Tensor("output.weight", new long[] {VOCABULARY, HIDDEN}, randomFloats(VOCABULARY * HIDDEN));

        try (GgufWeightSource untied = GgufWeightSource.open(writer.write(directory.resolve("untied.gguf")));
                GgufWeightSource tied = GgufWeightSource.open(tinyLlama(false).write(directory.resolve("tied.gguf")))) {
            assertThat(untied.config().tiedEmbeddings()).isFalse();
            assertThat(untied.tensorNames()).contains("lm_head.weight");
            assertThat(tied.config().tiedEmbeddings()).isTrue();
            assertThat(tied.tensorNames()).doesNotContain("lm_head.weight");
        }
    }

    @Test
    void queryAndKeyRowsComeBackInHuggingFaceOrderFromF32() throws IOException {
        float[] query = randomFloats(HIDDEN * HIDDEN);
        float[] key = randomFloats(KEY_VALUE_HEADS * HEAD_SIZE * HIDDEN);
        float[] value = randomFloats(KEY_VALUE_HEADS * HEAD_SIZE * HIDDEN);
        GgufTestWriter writer = tinyLlama(true);
        writer.f32Tensor("blk.0.attn_q.weight", new long[] {HIDDEN, HIDDEN}, llamaCppPermute(query, HIDDEN, HEADS));
        writer.f32Tensor(
                "blk.0.attn_k.weight",
                new long[] {KEY_VALUE_HEADS * HEAD_SIZE, HIDDEN},
                llamaCppPermute(key, HIDDEN, KEY_VALUE_HEADS));
        writer.f32Tensor("blk.0.attn_v.weight", new long[] {KEY_VALUE_HEADS * HEAD_SIZE, HIDDEN}, value);

        try (GgufWeightSource source = GgufWeightSource.open(writer.write(directory.resolve("m.gguf")))) {
            assertThat(floats(source.float32("model.layers.0.self_attn.q_proj.weight")))
                    .containsExactly(query);
            assertThat(floats(source.float32("model.layers.0.self_attn.k_proj.weight")))
                    .containsExactly(key);
            assertThat(floats(source.float32("model.layers.0.self_attn.v_proj.weight")))
                    .containsExactly(value);
        }
    }

    @Test
    void queryRowsComeBackInHuggingFaceOrderFromQ8_0() throws IOException {
        // one Q8_0 block per row, scale 2^-7: the values are exactly representable, so the round trip is exact
        int[] quants = new int[HIDDEN * HIDDEN];
        float[] query = new float[quants.length];
        for (int i = 0; i < quants.length; i++) {
            quants[i] = random.nextInt(255) - 127;
            query[i] = quants[i] * 0x1p-7f;
        }
        int[] ggufRows = llamaCppRowOrder(HIDDEN, HEADS);
        ByteBuffer blocks = ByteBuffer.allocate(HIDDEN * 34).order(ByteOrder.LITTLE_ENDIAN);
        for (int ggufRow = 0; ggufRow < HIDDEN; ggufRow++) {
            int huggingFaceRow = ggufRows[ggufRow];
            blocks.putShort((short) 0x2000); // 2^-7 in fp16
            for (int column = 0; column < HIDDEN; column++) {
                blocks.put((byte) quants[huggingFaceRow * HIDDEN + column]);
            }
        }
        GgufTestWriter writer = tinyLlama(true);
        writer.tensor("blk.0.attn_q.weight", GgmlType.Q8_0, new long[] {HIDDEN, HIDDEN}, blocks.array());

        try (GgufWeightSource source = GgufWeightSource.open(writer.write(directory.resolve("m.gguf")))) {
            ByteBuffer result = source.float32("model.layers.0.self_attn.q_proj.weight");
            assertThat(result.isDirect()).isTrue();
            assertThat(result.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
            assertThat(floats(result)).containsExactly(query);
        }
    }

    @Test
    void qwen2RowsAreNotPermutedAndBiasesAreDetected() throws IOException {
        float[] query = randomFloats(HIDDEN * HIDDEN);
        GgufTestWriter writer = baseMetadata("qwen2");
        addLayerTensors(writer, false);
        writer.f32Tensor("blk.0.attn_q.weight", new long[] {HIDDEN, HIDDEN}, query);
        writer.f32Tensor("blk.0.attn_q.bias", new long[] {HIDDEN}, randomFloats(HIDDEN));

        try (GgufWeightSource source = GgufWeightSource.open(writer.write(directory.resolve("q.gguf")))) {
            assertThat(source.config().architecture()).isEqualTo("qwen2");
            assertThat(source.config().attentionBias()).isTrue();
            assertThat(floats(source.float32("model.layers.0.self_attn.q_proj.weight")))
                    .containsExactly(query);
            assertThat(source.tensorNames()).contains("model.layers.0.self_attn.q_proj.bias");
        }
    }

    @Test
    void llama3RopeFrequencyFactorsAreRecognisedAsLlama3Scaling() throws IOException {
        GgufTestWriter writer = tinyLlama(false);
        writer.f32Tensor("rope_freqs.weight", new long[] {HEAD_SIZE / 2}, llama3Divisors(32f, 500_000.0));

        try (GgufWeightSource source = GgufWeightSource.open(writer.write(directory.resolve("l3.gguf")))) {
            assertThat(source.config().ropeScaling()).isEqualTo(new ModelConfig.RopeScaling(32f, 1f, 4f, 8192));
            assertThat(source.tensorNames()).noneMatch(name -> name.contains("rope"));
        }
    }

    @Test
    void ropeFrequencyFactorsThatAreNotLlama3AreRejected() throws IOException {
        float[] divisors = llama3Divisors(32f, 500_000.0);
        divisors[1] = 2.5f;
        GgufTestWriter writer = tinyLlama(false);
        writer.f32Tensor("rope_freqs.weight", new long[] {HEAD_SIZE / 2}, divisors);
        Path path = writer.write(directory.resolve("odd.gguf"));

        assertThatThrownBy(() -> GgufWeightSource.open(path))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("rope_freqs.weight");
    }

    /**
     * convert_hf_to_gguf's llama3 rope_freqs for low/high frequency factors 1 and 4 and an original
     * context of 8192; with a head of 8 and theta 500000 the four frequencies hit all three branches.
     */
    private static float[] llama3Divisors(float factor, double theta) {
        float[] divisors = new float[HEAD_SIZE / 2];
        for (int i = 0; i < divisors.length; i++) {
            double frequency = 1.0 / Math.pow(theta, (2.0 * i) / HEAD_SIZE);
            double wavelength = 2 * Math.PI / frequency;
            if (wavelength < 8192 / 4.0) {
                divisors[i] = 1f;
            } else if (wavelength > 8192 / 1.0) {
                divisors[i] = factor;
            } else {
                double smooth = (8192 / wavelength - 1.0) / (4.0 - 1.0);
                divisors[i] = (float) (1 / ((1 - smooth) / factor + smooth));
            }
        }
        return divisors;
    }

    @Test
    void anUnsupportedArchitectureNamesTheFileAndKey() throws IOException {
        Path path = baseMetadata("gemma2").write(directory.resolve("g.gguf"));

        assertThatThrownBy(() -> GgufWeightSource.open(path))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining(path.toString())
                .hasMessageContaining("'gemma2'")
                .hasMessageContaining("general.architecture");
    }

    @Test
    void anUnsupportedTensorTypeNamesTheTensorAndType() throws IOException {
        GgufTestWriter writer = tinyLlama(false);
        writer.tensor("output.weight", GgmlType.Q5_K, new long[] {256, 1}, new byte[176]);
        writer.tensor("blk.0.ffn_extra.weight", 99, new long[] {4}, new byte[16]);
        Path path = writer.write(directory.resolve("m.gguf"));

        try (GgufWeightSource source = GgufWeightSource.open(path)) {
            assertThatThrownBy(() -> source.float32("lm_head.weight"))
                    .isInstanceOf(ModelFileException.class)
                    .hasMessageContaining(path.toString())
                    .hasMessageContaining("'output.weight'")
                    .hasMessageContaining("Q5_K");
            assertThatThrownBy(() -> source.float32("model.layers.0.no_such.weight"))
                    .hasMessageContaining("no tensor named");
        }
    }

    @Test
    void hfAndGgufNamesCorrespondAsInTransformers() {
        assertThat(GgufWeightSource.huggingFaceName("blk.12.attn_output.weight"))
                .isEqualTo("model.layers.12.self_attn.o_proj.weight");
        assertThat(GgufWeightSource.huggingFaceName("blk.3.ffn_gate.weight"))
                .isEqualTo("model.layers.3.mlp.gate_proj.weight");
        assertThat(GgufWeightSource.huggingFaceName("blk.0.attn_k.bias"))
                .isEqualTo("model.layers.0.self_attn.k_proj.bias");
        assertThat(GgufWeightSource.huggingFaceName("output.weight")).isEqualTo("lm_head.weight");
        assertThat(GgufWeightSource.huggingFaceName("rope_freqs.weight")).isNull();
    }

    /** convert_hf_to_gguf's LlamaModel.permute: reshape(n_head, 2, dim/2, in).swapaxes(1, 2). */
    static float[] llamaCppPermute(float[] huggingFace, int columns, int heads) {
        int rows = huggingFace.length / columns;
        int[] order = llamaCppRowOrder(rows, heads);
        float[] gguf = new float[huggingFace.length];
        for (int ggufRow = 0; ggufRow < rows; ggufRow++) {
            System.arraycopy(huggingFace, order[ggufRow] * columns, gguf, ggufRow * columns, columns);
        }
        return gguf;
    }

    /** For each GGUF row, the HF row it holds: HF row (head, j, i) of shape (heads, 2, half) lands at (head, i, j). */
    static int[] llamaCppRowOrder(int rows, int heads) {
        int headSize = rows / heads;
        int half = headSize / 2;
        int[] huggingFaceRowOf = new int[rows];
        for (int huggingFaceRow = 0; huggingFaceRow < rows; huggingFaceRow++) {
            int head = huggingFaceRow / headSize;
            int pair = (huggingFaceRow % headSize) / half;
            int index = huggingFaceRow % half;
            huggingFaceRowOf[head * headSize + 2 * index + pair] = huggingFaceRow;
        }
        return huggingFaceRowOf;
    }

    private GgufTestWriter tinyLlama(boolean withoutAttention) {
        GgufTestWriter writer = baseMetadata("llama");
        addLayerTensors(writer, !withoutAttention);
        return writer;
    }

    private GgufTestWriter baseMetadata(String architecture) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < VOCABULARY; i++) {
            tokens.add("t" + i);
        }
        return new GgufTestWriter()
                .putString("general.architecture", architecture)
                .putUint32(architecture + ".block_count", 1)
                .putUint32(architecture + ".embedding_length", HIDDEN)
                .putUint32(architecture + ".feed_forward_length", FEED_FORWARD)
                .putUint32(architecture + ".attention.head_count", HEADS)
                .putUint32(architecture + ".attention.head_count_kv", KEY_VALUE_HEADS)
                .putUint32(architecture + ".context_length", 128)
                .putUint32(architecture + ".rope.dimension_count", HEAD_SIZE)
                .putFloat32(architecture + ".attention.layer_norm_rms_epsilon", 1e-6f)
                .putFloat32(architecture + ".rope.freq_base", 500_000f)
                .putArray("tokenizer.ggml.tokens", GgufValueType.STRING, Collections.unmodifiableList(tokens));
    }

    private void addLayerTensors(GgufTestWriter writer, boolean withAttention) {
        writer.f32Tensor("token_embd.weight", new long[] {VOCABULARY, HIDDEN}, randomFloats(VOCABULARY * HIDDEN));
        writer.f32Tensor("output_norm.weight", new long[] {HIDDEN}, randomFloats(HIDDEN));
        writer.f32Tensor("blk.0.attn_norm.weight", new long[] {HIDDEN}, randomFloats(HIDDEN));
        writer.f32Tensor("blk.0.ffn_norm.weight", new long[] {HIDDEN}, randomFloats(HIDDEN));
        if (withAttention) {
            writer.f32Tensor("blk.0.attn_q.weight", new long[] {HIDDEN, HIDDEN}, randomFloats(HIDDEN * HIDDEN));
            int keyRows = KEY_VALUE_HEADS * HEAD_SIZE;
            writer.f32Tensor("blk.0.attn_k.weight", new long[] {keyRows, HIDDEN}, randomFloats(keyRows * HIDDEN));
            writer.f32Tensor("blk.0.attn_v.weight", new long[] {keyRows, HIDDEN}, randomFloats(keyRows * HIDDEN));
        }
        writer.f32Tensor("blk.0.attn_output.weight", new long[] {HIDDEN, HIDDEN}, randomFloats(HIDDEN * HIDDEN));
        writer.f32Tensor(
                "blk.0.ffn_gate.weight", new long[] {FEED_FORWARD, HIDDEN}, randomFloats(FEED_FORWARD * HIDDEN));
        writer.f32Tensor("blk.0.ffn_up.weight", new long[] {FEED_FORWARD, HIDDEN}, randomFloats(FEED_FORWARD * HIDDEN));
        writer.f32Tensor(
                "blk.0.ffn_down.weight", new long[] {HIDDEN, FEED_FORWARD}, randomFloats(FEED_FORWARD * HIDDEN));
    }

    private float[] randomFloats(int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    static float[] floats(ByteBuffer buffer) {
        float[] values = new float[buffer.remaining() / 4];
        buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
