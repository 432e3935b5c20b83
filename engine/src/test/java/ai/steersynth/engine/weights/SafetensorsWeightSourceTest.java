package ai.steersynth.engine.weights;

import static ai.steersynth.engine.weights.GgufWeightSourceTest.floats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.engine.ModelFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsWeightSourceTest {

    static final String TINY_LLAMA_CONFIG = """
            {"model_type": "llama", "num_hidden_layers": 1, "hidden_size": 4, "intermediate_size": 8,
             "num_attention_heads": 2, "num_key_value_heads": 1, "vocab_size": 3, "max_position_embeddings": 32,
             "rms_norm_eps": 1e-05, "rope_theta": 10000.0, "tie_word_embeddings": %s}
            """;

    @TempDir
    Path directory;

    @Test
    void f32F16AndBf16TensorsAreReadAsFloat32() throws IOException {
        Files.writeString(directory.resolve("config.json"), TINY_LLAMA_CONFIG.formatted("true"));
        new SafetensorsTestWriter()
                .f32("model.norm.weight", new long[] {4}, 1f, -2f, 3.5f, 0f)
                .halves(
                        "model.embed_tokens.weight",
                        "F16",
                        new long[] {3, 2},
                        0x3C00,
                        0xC000,
                        0x3800,
                        0x7BFF,
                        0x3555,
                        0)
                .halves("model.layers.0.input_layernorm.weight", "BF16", new long[] {3}, 0x3F80, 0xC0A0, 0x4049)
                .write(directory.resolve("model.safetensors"));

        try (SafetensorsWeightSource source = SafetensorsWeightSource.open(directory)) {
            assertThat(floats(source.float32("model.norm.weight"))).containsExactly(1f, -2f, 3.5f, 0f);
            assertThat(floats(source.float32("model.embed_tokens.weight")))
                    .containsExactly(1f, -2f, 0.5f, 65504f, 0.333251953125f, 0f);
            assertThat(floats(source.float32("model.layers.0.input_layernorm.weight")))
                    .containsExactly(1f, -5f, 3.140625f);
            assertThat(source.shape("model.embed_tokens.weight")).containsExactly(3, 2);
            ByteBuffer widened = source.float32("model.embed_tokens.weight");
            assertThat(widened.isDirect()).isTrue();
            assertThat(widened.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        }
    }

    @Test
    void shardsListedInTheIndexAreReadTogether() throws IOException {
        Files.writeString(directory.resolve("config.json"), TINY_LLAMA_CONFIG.formatted("false"));
        new SafetensorsTestWriter()
                .f32("model.norm.weight", new long[] {2}, 1f, 2f)
                .write(directory.resolve("model-00001-of-00002.safetensors"));
        new SafetensorsTestWriter()
                .f32("lm_head.weight", new long[] {1, 2}, 3f, 4f)
                .write(directory.resolve("model-00002-of-00002.safetensors"));
        Files.writeString(directory.resolve("model.safetensors.index.json"), """
                {"metadata": {"total_size": 16}, "weight_map": {
                  "model.norm.weight": "model-00001-of-00002.safetensors",
                  "lm_head.weight": "model-00002-of-00002.safetensors"}}
                """);

        try (SafetensorsWeightSource source = SafetensorsWeightSource.open(directory)) {
            assertThat(source.tensorNames()).containsExactlyInAnyOrder("model.norm.weight", "lm_head.weight");
            assertThat(floats(source.float32("lm_head.weight"))).containsExactly(3f, 4f);
            assertThat(source.contentHash()).hasSize(64);
            assertThat(source.location()).isEqualTo(directory.toString());
        }
    }

    @Test
    void aTiedCheckpointListsNoLmHeadEvenWhenItStoresOne() throws IOException {
        Files.writeString(directory.resolve("config.json"), TINY_LLAMA_CONFIG.formatted("true"));
        new SafetensorsTestWriter()
                .f32("model.embed_tokens.weight", new long[] {1, 2}, 1f, 2f)
                .f32("lm_head.weight", new long[] {1, 2}, 1f, 2f)
                .write(directory.resolve("model.safetensors"));

        try (SafetensorsWeightSource source = SafetensorsWeightSource.open(directory)) {
            assertThat(source.config().tiedEmbeddings()).isTrue();
            assertThat(source.tensorNames()).containsExactly("model.embed_tokens.weight");
        }
    }

    @Test
    void anUntiedCheckpointWithoutLmHeadIsRejected() throws IOException {
        Files.writeString(directory.resolve("config.json"), TINY_LLAMA_CONFIG.formatted("false"));
        new SafetensorsTestWriter()
                .f32("model.norm.weight", new long[] {1}, 1f)
                .write(directory.resolve("model.safetensors"));

        assertThatThrownBy(() -> SafetensorsWeightSource.open(directory))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("lm_head.weight")
                .hasMessageContaining("tie_word_embeddings");
    }

    @Test
    void anUnsupportedDtypeNamesTheFileTensorAndDtype() throws IOException {
        Files.writeString(directory.resolve("config.json"), TINY_LLAMA_CONFIG.formatted("true"));
        Path file = new SafetensorsTestWriter()
                .tensor("model.norm.weight", "I64", new long[] {1}, new byte[8])
                .write(directory.resolve("model.safetensors"));

        try (SafetensorsWeightSource source = SafetensorsWeightSource.open(directory)) {
            assertThatThrownBy(() -> source.float32("model.norm.weight"))
                    .isInstanceOf(ModelFileException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("'model.norm.weight'")
                    .hasMessageContaining("I64");
        }
    }

    @Test
    void aMissingConfigJsonIsReportedByPath() throws IOException {
        new SafetensorsTestWriter().f32("x", new long[] {1}, 1f).write(directory.resolve("model.safetensors"));

        assertThatThrownBy(() -> SafetensorsWeightSource.open(directory))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining(directory.resolve("config.json").toString())
                .hasMessageContaining("not found");
    }

    @Test
    void aCorruptHeaderIsReported() throws IOException {
        Files.writeString(directory.resolve("config.json"), TINY_LLAMA_CONFIG.formatted("true"));
        byte[] bytes = new byte[64];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1_000_000);
        Files.write(directory.resolve("model.safetensors"), bytes);

        assertThatThrownBy(() -> SafetensorsWeightSource.open(directory))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("model.safetensors")
                .hasMessageContaining("header length");
    }
}
