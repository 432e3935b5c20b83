package ai.steersynth.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.engine.ModelFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuggingFaceTokenizerFilesTest {

    /** A Llama-2-style WordLevel tokenizer whose post-processor prepends BOS, as Llama tokenizer.json files do. */
    private static final String TOKENIZER_JSON = """
            {"version": "1.0", "truncation": null, "padding": null,
             "added_tokens": [
               {"id": 0, "content": "<unk>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
               {"id": 1, "content": "<s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
               {"id": 2, "content": "</s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
               {"id": 7, "content": "<|eot|>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}],
             "normalizer": null,
             "pre_tokenizer": {"type": "Whitespace"},
             "post_processor": {"type": "TemplateProcessing",
               "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
               "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                        {"Sequence": {"id": "B", "type_id": 1}}],
               "special_tokens": {"<s>": {"id": "<s>", "ids": [1], "tokens": ["<s>"]}}},
             "decoder": null,
             "model": {"type": "WordLevel", "unk_token": "<unk>",
               "vocab": {"<unk>": 0, "<s>": 1, "</s>": 2, "hello": 3, "world": 4, "a": 5, "!": 6, "<|eot|>": 7}}}
            """;

    @TempDir
    Path directory;

    @Test
    void specialTokensComeFromTokenizerConfigAndStopIdsFromGenerationConfig() throws IOException {
        Files.writeString(directory.resolve("tokenizer.json"), TOKENIZER_JSON);
        Files.writeString(directory.resolve("tokenizer_config.json"), """
                {"add_bos_token": true,
                 "bos_token": {"__type": "AddedToken", "content": "<s>", "lstrip": false},
                 "eos_token": "</s>",
                 "chat_template": [{"name": "tool_use", "template": "tools"}, {"name": "default", "template": "{{ bos_token }}"}]}
                """);
        Files.writeString(directory.resolve("generation_config.json"), "{\"eos_token_id\": [2, 7]}");

        try (HuggingFaceTextTokenizer tokenizer = HuggingFaceTokenizerFiles.openTokenizer(directory)) {
            assertThat(tokenizer.bosTokenId()).isEqualTo(1);
            assertThat(tokenizer.eosTokenId()).isEqualTo(2);
            assertThat(tokenizer.stopTokenIds()).containsExactly(2, 7);
            assertThat(tokenizer.addsBosToken()).isTrue();
            assertThat(tokenizer.encode("hello world !", true)).containsExactly(1, 3, 4, 6);
            assertThat(tokenizer.encode("hello world !", false)).containsExactly(3, 4, 6);
            assertThat(tokenizer.tokenString(7)).isEqualTo("<|eot|>");
            assertThat(tokenizer.vocabularySize()).isEqualTo(8);
        }
        assertThat(HuggingFaceTokenizerFiles.readConfig(directory).chatTemplate())
                .isEqualTo("{{ bos_token }}");
    }

    @Test
    void aChatTemplateJinjaFileIsUsedWhenTheConfigHasNone() throws IOException {
        Files.writeString(directory.resolve("tokenizer_config.json"), "{\"eos_token\": \"</s>\"}");
        Files.writeString(directory.resolve("chat_template.jinja"), "{{ messages[0]['content'] }}");

        HuggingFaceTokenizerFiles.TokenizerConfig config = HuggingFaceTokenizerFiles.readConfig(directory);

        assertThat(config.chatTemplate()).isEqualTo("{{ messages[0]['content'] }}");
        assertThat(config.bosToken()).isNull();
        assertThat(config.eosToken()).isEqualTo("</s>");
    }

    @Test
    void aSpecialTokenMissingFromTheVocabularyIsReported() throws IOException {
        Files.writeString(directory.resolve("tokenizer.json"), TOKENIZER_JSON);
        Files.writeString(directory.resolve("tokenizer_config.json"), "{\"eos_token\": \"<|end|>\"}");

        assertThatThrownBy(() -> HuggingFaceTokenizerFiles.openTokenizer(directory))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("eos_token '<|end|>'");
    }

    @Test
    void aDirectoryWithoutTokenizerJsonIsReported() {
        assertThatThrownBy(() -> HuggingFaceTokenizerFiles.openTokenizer(directory))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining(directory.resolve("tokenizer.json").toString());
    }
}
