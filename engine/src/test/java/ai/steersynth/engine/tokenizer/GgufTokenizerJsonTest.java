package ai.steersynth.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.engine.ModelFileException;
import ai.steersynth.engine.weights.GgufFile;
import ai.steersynth.engine.weights.GgufTestWriter;
import ai.steersynth.engine.weights.GgufValueType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny byte-level BPE vocabulary written as GGUF metadata, tokenised through the synthesised tokenizer.json. */
class GgufTokenizerJsonTest {

    private static final int END_OF_TEXT = 0;
    private static final int IM_START = 1;
    private static final int IM_END = 2;
    private static final int THINK = 3;

    @TempDir
    Path directory;

    @Test
    void textRoundTripsThroughEncodeAndDecode() throws IOException {
        try (HuggingFaceTextTokenizer tokenizer = open(tinyVocabulary("default", false))) {
            String text = "hello world <|im_start|>héllo 🙂\n\ttabs  and spaces";

            int[] ids = tokenizer.encode(text, false);

            assertThat(tokenizer.decode(ids, false)).isEqualTo(text);
        }
    }

    @Test
    void mergesJoinBytesIntoVocabularyTokens() throws IOException {
        try (HuggingFaceTextTokenizer tokenizer = open(tinyVocabulary("default", false))) {
            int[] ids = tokenizer.encode("hello hello", false);

            assertThat(ids).hasSize(2);
            assertThat(tokenizer.tokenString(ids[0])).isEqualTo("hello");
            assertThat(tokenizer.tokenString(ids[1])).isEqualTo("Ġhello");
        }
    }

    @Test
    void controlTokensStayWholeAndAreSkippedOnRequest() throws IOException {
        try (HuggingFaceTextTokenizer tokenizer = open(tinyVocabulary("default", false))) {
            int[] ids = tokenizer.encode("<|im_start|>hello<|im_end|><think>", false);

            assertThat(ids[0]).isEqualTo(IM_START);
            assertThat(ids[ids.length - 2]).isEqualTo(IM_END);
            assertThat(ids[ids.length - 1]).isEqualTo(THINK);
            assertThat(tokenizer.decode(ids, true)).isEqualTo("hello<think>");
        }
    }

    @Test
    void theSmolLmPreTokenizerSplitsDigitsOneByOne() throws IOException {
        try (HuggingFaceTextTokenizer gpt2Split = open(tinyVocabulary("default", false));
                HuggingFaceTextTokenizer smolLmSplit = open(tinyVocabulary("smollm", false))) {
            // the vocabulary merges "1 2" and "12 3", which only the GPT-2 split lets apply
            assertThat(gpt2Split.encode("123", false)).hasSize(1);
            assertThat(smolLmSplit.encode("123", false)).hasSize(3);
        }
    }

    @Test
    void bosIsAddedOnlyWhenTheFileAsksForIt() throws IOException {
        try (HuggingFaceTextTokenizer withBos = open(tinyVocabulary("default", true));
                HuggingFaceTextTokenizer withoutBos = open(tinyVocabulary("default", false))) {
            assertThat(withBos.addsBosToken()).isTrue();
            assertThat(withBos.encode("hello", true)).startsWith(IM_START);
            assertThat(withBos.encode("hello", false)).doesNotContain(IM_START);
            assertThat(withoutBos.addsBosToken()).isFalse();
            assertThat(withoutBos.encode("hello", true)).doesNotContain(IM_START);
        }
    }

    @Test
    void specialTokenIdsAndStopIdsComeFromTheMetadata() throws IOException {
        try (HuggingFaceTextTokenizer tokenizer = open(tinyVocabulary("default", false))) {
            assertThat(tokenizer.bosTokenId()).isEqualTo(IM_START);
            assertThat(tokenizer.eosTokenId()).isEqualTo(IM_END);
            assertThat(tokenizer.bosToken()).isEqualTo("<|im_start|>");
            assertThat(tokenizer.stopTokenIds()).containsExactly(END_OF_TEXT, IM_END);
            assertThat(tokenizer.vocabularySize()).isEqualTo(tokens("default").size());
        }
    }

    @Test
    void aSentencePieceVocabularyIsRejectedNamingTheKey() throws IOException {
        GgufTestWriter writer = tinyVocabulary("default", false).putString("tokenizer.ggml.model", "llama");
        Path path = writer.write(directory.resolve("spm.gguf"));

        try (GgufFile file = GgufFile.open(path)) {
            assertThatThrownBy(() -> GgufTokenizerJson.open(file.metadata(), path.toString()))
                    .isInstanceOf(ModelFileException.class)
                    .hasMessageContaining("'llama'")
                    .hasMessageContaining("tokenizer.ggml.model");
        }
    }

    private HuggingFaceTextTokenizer open(GgufTestWriter writer) throws IOException {
        Path path = writer.write(directory.resolve("t" + System.nanoTime() + ".gguf"));
        try (GgufFile file = GgufFile.open(path)) {
            return GgufTokenizerJson.open(file.metadata(), path.toString());
        }
    }

    /** Four special tokens, the 256 byte characters, and the merges that build "hello", "Ġhello" and "123". */
    private static GgufTestWriter tinyVocabulary(String pre, boolean addBos) {
        List<String> tokens = tokens(pre);
        List<Long> types = new ArrayList<>();
        for (int id = 0; id < tokens.size(); id++) {
            types.add(id < THINK ? 3L : id == THINK ? 4L : 1L);
        }
        List<String> merges = List.of("h e", "l l", "he ll", "hell o", "Ġ hello", "1 2", "12 3");
        GgufTestWriter writer = new GgufTestWriter()
                .putString("tokenizer.ggml.model", "gpt2")
                .putString("tokenizer.ggml.pre", pre)
                .putArray("tokenizer.ggml.tokens", GgufValueType.STRING, tokens)
                .putArray("tokenizer.ggml.token_type", GgufValueType.INT32, types)
                .putArray("tokenizer.ggml.merges", GgufValueType.STRING, merges)
                .putUint32("tokenizer.ggml.bos_token_id", IM_START)
                .putUint32("tokenizer.ggml.eos_token_id", IM_END)
                .putUint32("tokenizer.ggml.eot_token_id", END_OF_TEXT)
                .put("tokenizer.ggml.add_bos_token", GgufValueType.BOOL, addBos);
        return writer;
    }

    private static List<String> tokens(String pre) {
        List<String> tokens = new ArrayList<>(List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>", "<think>"));
        int next = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            tokens.add(String.valueOf((char) (printable ? b : 256 + next++)));
        }
        tokens.addAll(List.of("he", "ll", "hell", "hello", "Ġhello", "12", "123"));
        return tokens;
    }
}
