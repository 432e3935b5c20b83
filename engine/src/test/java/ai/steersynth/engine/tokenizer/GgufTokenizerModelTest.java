package ai.steersynth.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.engine.weights.GgufFile;
import ai.steersynth.engine.weights.TestModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The default model's tokenizer, built from GGUF metadata, against transformers' ids (scripts/reference). */
class GgufTokenizerModelTest {

    private static HuggingFaceTextTokenizer tokenizer;
    private static JsonNode reference;

    /** Per test, so a missing model shows as skipped tests with the reason; the tokenizer is built once. */
    @BeforeEach
    void openTokenizerOnce() throws IOException {
        Path model = TestModels.defaultModel();
        if (tokenizer != null) {
            return;
        }
        try (GgufFile file = GgufFile.open(model);
                InputStream in =
                        GgufTokenizerModelTest.class.getResourceAsStream("/tokenizer/smollm2-token-ids.json")) {
            tokenizer = GgufTokenizerJson.open(file.metadata(), file.path().toString());
            reference = JsonMapper.builder().build().readTree(in);
        }
    }

    @AfterAll
    static void closeTokenizer() {
        if (tokenizer != null) {
            tokenizer.close();
        }
    }

    @Test
    void idsEqualTransformersForEveryReferenceString() {
        for (JsonNode example : reference.get("cases")) {
            String text = example.get("text").asString();

            assertThat(tokenizer.encode(text, false)).as(text).containsExactly(ints(example.get("ids")));
            assertThat(tokenizer.encode(text, true))
                    .as(text)
                    .containsExactly(ints(example.get("idsWithSpecialTokens")));
        }
    }

    @Test
    void decodingGivesTransformersTextAndTokenStringsMatch() {
        for (JsonNode example : reference.get("cases")) {
            int[] ids = ints(example.get("ids"));
            String[] tokens = StreamSupport.stream(example.get("tokens").spliterator(), false)
                    .map(JsonNode::asString)
                    .toArray(String[]::new);

            assertThat(tokenizer.decode(ids, false))
                    .isEqualTo(example.get("decoded").asString());
            assertThat(tokenizer.decode(ids, true))
                    .isEqualTo(example.get("decodedSkippingSpecial").asString());
            assertThat(IntStream.of(ids).mapToObj(tokenizer::tokenString)).containsExactly(tokens);
        }
    }

    @Test
    void specialTokensAreThoseOfTheGguf() {
        assertThat(tokenizer.bosTokenId()).isEqualTo(reference.get("bosTokenId").asInt());
        assertThat(tokenizer.eosTokenId()).isEqualTo(reference.get("eosTokenId").asInt());
        assertThat(tokenizer.bosToken()).isEqualTo("<|im_start|>");
        assertThat(tokenizer.eosToken()).isEqualTo("<|im_end|>");
        assertThat(tokenizer.stopTokenIds()).containsExactly(2);
        assertThat(tokenizer.vocabularySize())
                .isEqualTo(reference.get("vocabularySize").asInt());
        assertThat(tokenizer.addsBosToken()).isFalse();
    }

    @Test
    void longTextIsNeitherTruncatedNorPadded() {
        String text = "The quick brown fox jumps over the lazy dog. ".repeat(200);

        int[] ids = tokenizer.encode(text, false);

        assertThat(ids.length).isGreaterThan(1000);
        assertThat(tokenizer.decode(ids, false)).isEqualTo(text);
    }

    private static int[] ints(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .mapToInt(JsonNode::asInt)
                .toArray();
    }
}
