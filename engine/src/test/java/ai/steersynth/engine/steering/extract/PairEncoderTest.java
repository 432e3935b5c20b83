package ai.steersynth.engine.steering.extract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
import ai.steersynth.engine.chat.ChatTemplate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairEncoderTest {

    private static final ChatTemplate CHATML = ChatTemplate.forModel(ChatTemplate.CHATML, null, "<|im_end|>", "test");

    private static String text(CharacterTokenizer tokenizer, EncodedText encoded, int from, int to) {
        return tokenizer.decode(Arrays.copyOfRange(encoded.tokenIds(), from, to), false);
    }

    @Test
    void anAbItemIsReadAtTheAnswerLetterAfterTheQuestionAsTheUserTurn() {
        CharacterTokenizer tokenizer = new CharacterTokenizer(false);
        PairEncoder encoder = new PairEncoder(tokenizer, CHATML, 64);
        List<EncodedText> sides =
                encoder.encode(new ContrastivePair(PairKind.AB, "Pick one.\n(A) yes\n(B) no", "(B)", "(A)"));
        EncodedText positive = sides.get(0);
        assertThat(tokenizer.decode(positive.tokenIds(), false))
                .isEqualTo("<|im_start|>user\nPick one.\n(A) yes\n(B) no<|im_end|>\n<|im_start|>assistant\n(B");
        assertThat(positive.readCount()).isEqualTo(1);
        assertThat(text(tokenizer, positive, positive.readFrom(), positive.readFrom() + 1))
                .isEqualTo("B");
        EncodedText negative = sides.get(1);
        assertThat(text(tokenizer, negative, negative.readFrom(), negative.readFrom() + 1))
                .isEqualTo("A");
    }

    @Test
    void aLetterMergedWithTheParenthesisIsReadAtTheMergedToken() {
        CharacterTokenizer tokenizer = new CharacterTokenizer(true);
        EncodedText positive = new PairEncoder(tokenizer, CHATML, 64)
                .encode(new ContrastivePair(PairKind.AB, "Q", "(B)", "(A)"))
                .get(0);
        assertThat(text(tokenizer, positive, positive.readFrom(), positive.length()))
                .isEqualTo("(B");
        assertThat(positive.readCount()).isEqualTo(1);
    }

    @Test
    void aTextPairIsReadOverItsCompletionAfterThePromptAsTheUserTurn() {
        CharacterTokenizer tokenizer = new CharacterTokenizer(false);
        List<EncodedText> sides = new PairEncoder(tokenizer, CHATML, 64)
                .encode(new ContrastivePair(PairKind.TEXT, "Say hi", "hello you", "bye"));
        EncodedText positive = sides.get(0);
        assertThat(text(tokenizer, positive, 0, positive.readFrom()))
                .isEqualTo("<|im_start|>user\nSay hi<|im_end|>\n<|im_start|>assistant\n");
        assertThat(text(tokenizer, positive, positive.readFrom(), positive.length()))
                .isEqualTo("hello you");
        assertThat(sides.get(1).readCount()).isEqualTo(3);
    }

    @Test
    void aTextPairWithoutPromptFollowsTheBareAssistantHeaderAndLongCompletionsAreCut() {
        CharacterTokenizer tokenizer = new CharacterTokenizer(false);
        EncodedText positive = new PairEncoder(tokenizer, CHATML, 4)
                .encode(new ContrastivePair(PairKind.TEXT, "", "you idiot", "nice day"))
                .get(0);
        assertThat(text(tokenizer, positive, 0, positive.readFrom())).isEqualTo("<|im_start|>assistant\n");
        assertThat(text(tokenizer, positive, positive.readFrom(), positive.length()))
                .isEqualTo("you ");
    }
}
