package ai.steersynth.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.engine.ModelFileException;
import ai.steersynth.engine.ModelFiles;
import ai.steersynth.engine.chat.ChatMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader entry point; it lives in ai.steersynth.engine, its test here beside the readers it drives. */
class ModelFilesTest {

    @TempDir
    Path directory;

    @Test
    void theDefaultGgufOpensWithWeightsTokenizerAndTemplate() throws IOException {
        String referenceTemplate = GgmlDequantizerTest.readFixture("/chat/smollm2-chat-template.json")
                .get("template")
                .asString();
        try (ModelFiles model = ModelFiles.open(TestModels.defaultModel())) {
            assertThat(model.config().numberOfLayers()).isEqualTo(30);
            assertThat(model.weights().tensorNames()).contains("model.layers.29.mlp.down_proj.weight");
            assertThat(model.tokenizer().vocabularySize())
                    .isEqualTo(model.config().vocabularySize());
            assertThat(model.chatTemplate().isFallback()).isFalse();
            assertThat(model.chatTemplate().template()).isEqualTo(referenceTemplate);

            String prompt =
                    model.chatTemplate().render(List.of(ChatMessage.user("What is the capital of France?")), true);
            int[] ids = model.tokenizer().encode(prompt, false);

            assertThat(ids[0]).isEqualTo(model.tokenizer().bosTokenId()); // <|im_start|> opens the system turn
            assertThat(model.tokenizer().decode(ids, false)).isEqualTo(prompt);
        }
    }

    @Test
    void aHuggingFaceDirectoryOpensWithItsOwnFiles() throws IOException {
        Files.writeString(
                directory.resolve("config.json"), SafetensorsWeightSourceTest.TINY_LLAMA_CONFIG.formatted("true"));
        new SafetensorsTestWriter()
                .f32("model.embed_tokens.weight", new long[] {3, 4}, new float[12])
                .write(directory.resolve("model.safetensors"));
        Files.writeString(directory.resolve("tokenizer.json"), """
                {"version": "1.0", "added_tokens": [], "normalizer": null, "pre_tokenizer": {"type": "Whitespace"},
                 "post_processor": null, "decoder": null,
                 "model": {"type": "WordLevel", "unk_token": "<unk>", "vocab": {"<unk>": 0, "</s>": 1, "hi": 2}}}
                """);
        Files.writeString(directory.resolve("tokenizer_config.json"), "{\"eos_token\": \"</s>\"}");

        try (ModelFiles model = ModelFiles.open(directory)) {
            assertThat(model.config().hiddenSize()).isEqualTo(4);
            assertThat(model.tokenizer().eosTokenId()).isEqualTo(1);
            assertThat(model.tokenizer().encode("hi", false)).containsExactly(2);
            assertThat(model.chatTemplate().isFallback()).isTrue();
        }
    }

    @Test
    void aMissingPathIsReported() {
        Path missing = directory.resolve("nothing-here.gguf");

        assertThatThrownBy(() -> ModelFiles.open(missing))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not found");
    }

    @Test
    void aDirectoryWithoutAModelIsReported() {
        assertThatThrownBy(() -> ModelFiles.open(directory))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("config.json");
    }

    @Test
    void aFileThatIsNoModelIsReported() throws IOException {
        Path text = Files.writeString(directory.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> ModelFiles.open(text))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("not a GGUF file");
    }
}
