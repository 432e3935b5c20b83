package ai.steersynth.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.engine.ModelFileException;
import ai.steersynth.engine.model.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuggingFaceConfigMappingTest {

    @TempDir
    Path directory;

    @Test
    void smolLm2ConfigMapsToTheSameConfigAsItsGguf() throws IOException {
        ModelConfig config = read("""
                {"architectures": ["LlamaForCausalLM"], "attention_bias": false, "bos_token_id": 1,
                 "eos_token_id": 2, "hidden_act": "silu", "hidden_size": 576, "initializer_range": 0.041666666666666664,
                 "intermediate_size": 1536, "max_position_embeddings": 8192, "model_type": "llama",
                 "num_attention_heads": 9, "num_hidden_layers": 30, "num_key_value_heads": 3, "pretraining_tp": 1,
                 "rms_norm_eps": 1e-05, "rope_scaling": null, "rope_theta": 100000, "tie_word_embeddings": true,
                 "torch_dtype": "bfloat16", "use_cache": true, "vocab_size": 49152}
                """);

        assertThat(config)
                .isEqualTo(new ModelConfig(
                        "llama", 30, 576, 1536, 9, 3, 64, 49_152, 8192, 1e-5f, 100_000f, null, true, false));
    }

    @Test
    void llama3RopeScalingIsMapped() throws IOException {
        ModelConfig config = read("""
                {"model_type": "llama", "hidden_size": 2048, "intermediate_size": 8192, "num_attention_heads": 32,
                 "num_hidden_layers": 16, "num_key_value_heads": 8, "head_dim": 64, "max_position_embeddings": 131072,
                 "rms_norm_eps": 1e-05, "rope_theta": 500000.0, "vocab_size": 128256, "tie_word_embeddings": true,
                 "rope_scaling": {"factor": 32.0, "high_freq_factor": 4.0, "low_freq_factor": 1.0,
                                  "original_max_position_embeddings": 8192, "rope_type": "llama3"}}
                """);

        assertThat(config.ropeScaling()).isEqualTo(new ModelConfig.RopeScaling(32f, 1f, 4f, 8192));
        assertThat(config.ropeTheta()).isEqualTo(500_000f);
        assertThat(config.headSize()).isEqualTo(64);
    }

    @Test
    void transformers5RopeParametersAreReadToo() throws IOException {
        ModelConfig config = read("""
                {"model_type": "llama", "hidden_size": 64, "intermediate_size": 128, "num_attention_heads": 4,
                 "num_hidden_layers": 2, "max_position_embeddings": 256, "rms_norm_eps": 1e-06, "vocab_size": 100,
                 "rope_parameters": {"rope_type": "llama3", "rope_theta": 500000.0, "factor": 8.0,
                   "low_freq_factor": 1.0, "high_freq_factor": 4.0, "original_max_position_embeddings": 8192}}
                """);

        assertThat(config.ropeTheta()).isEqualTo(500_000f);
        assertThat(config.ropeScaling()).isEqualTo(new ModelConfig.RopeScaling(8f, 1f, 4f, 8192));
        assertThat(config.numberOfKeyValueHeads()).isEqualTo(4);
        assertThat(config.tiedEmbeddings()).isFalse();
    }

    @Test
    void qwen2HasAttentionBiasAndMistralHasNot() throws IOException {
        ModelConfig qwen = read("""
                {"model_type": "qwen2", "hidden_size": 896, "intermediate_size": 4864, "num_attention_heads": 14,
                 "num_hidden_layers": 24, "num_key_value_heads": 2, "max_position_embeddings": 32768,
                 "rms_norm_eps": 1e-06, "rope_theta": 1000000.0, "vocab_size": 151936, "tie_word_embeddings": true,
                 "sliding_window": 32768, "use_sliding_window": false}
                """);
        ModelConfig mistral = read("""
                {"model_type": "mistral", "hidden_size": 4096, "intermediate_size": 14336, "num_attention_heads": 32,
                 "num_hidden_layers": 32, "num_key_value_heads": 8, "max_position_embeddings": 32768,
                 "rms_norm_eps": 1e-05, "rope_theta": 1000000.0, "vocab_size": 32768, "sliding_window": null,
                 "head_dim": 128}
                """);

        assertThat(qwen.attentionBias()).isTrue();
        assertThat(qwen.headSize()).isEqualTo(64);
        assertThat(qwen.tiedEmbeddings()).isTrue();
        assertThat(mistral.attentionBias()).isFalse();
        assertThat(mistral.tiedEmbeddings()).isFalse();
        assertThat(mistral.queryGroups()).isEqualTo(4);
    }

    @Test
    void unsupportedModelTypeAndRopeScalingNameTheKey() throws IOException {
        assertThatThrownBy(() -> read("{\"model_type\": \"gemma2\"}"))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("'gemma2'")
                .hasMessageContaining("model_type");
        assertThatThrownBy(() -> read("""
                        {"model_type": "llama", "hidden_size": 64, "intermediate_size": 128, "num_attention_heads": 4,
                         "num_hidden_layers": 2, "max_position_embeddings": 256, "rms_norm_eps": 1e-06,
                         "vocab_size": 100, "rope_scaling": {"type": "yarn", "factor": 4.0}}
                        """)).hasMessageContaining("'yarn'").hasMessageContaining("rope_scaling");
        assertThatThrownBy(() -> read("{\"model_type\": \"llama\", \"hidden_size\": 64, \"num_attention_heads\": 4}"))
                .hasMessageContaining("'num_hidden_layers' is missing");
    }

    private ModelConfig read(String json) throws IOException {
        Path path = Files.writeString(directory.resolve("config.json"), json);
        return HuggingFaceConfigMapping.read(path);
    }
}
