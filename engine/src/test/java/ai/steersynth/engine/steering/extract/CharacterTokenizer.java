package ai.steersynth.engine.steering.extract;

import ai.steersynth.engine.tokenizer.TextTokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A test tokenizer: ChatML's two special tokens are ids 1 and 2, every other character is its
 * code point plus 3, except that {@code "(A"}-style pairs of an opening parenthesis and a capital
 * letter merge into one token (to exercise a merge across the prompt/answer boundary when asked).
 */
final class CharacterTokenizer implements TextTokenizer {

    private static final String START = "<|im_start|>";
    private static final String END = "<|im_end|>";
    private final boolean mergeParenthesisLetter;

    CharacterTokenizer(boolean mergeParenthesisLetter) {
        this.mergeParenthesisLetter = mergeParenthesisLetter;
    }

    @Override
    public int[] encode(String text, boolean addSpecialTokens) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            if (text.startsWith(START, i)) {
                ids.add(1);
                i += START.length();
            } else if (text.startsWith(END, i)) {
                ids.add(2);
                i += END.length();
            } else if (mergeParenthesisLetter
                    && text.charAt(i) == '('
                    && i + 1 < text.length()
                    && Character.isUpperCase(text.charAt(i + 1))) {
                ids.add(1000 + text.charAt(i + 1));
                i += 2;
            } else {
                ids.add(text.charAt(i) + 3);
                i++;
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        StringBuilder out = new StringBuilder();
        for (int id : ids) {
            out.append(tokenString(id));
        }
        return out.toString();
    }

    @Override
    public int bosTokenId() {
        return -1;
    }

    @Override
    public int eosTokenId() {
        return 2;
    }

    @Override
    public String bosToken() {
        return null;
    }

    @Override
    public String eosToken() {
        return END;
    }

    @Override
    public int[] stopTokenIds() {
        return new int[] {2};
    }

    @Override
    public String tokenString(int id) {
        if (id == 1) {
            return START;
        }
        if (id == 2) {
            return END;
        }
        return id >= 1000 ? "(" + (char) (id - 1000) : String.valueOf((char) (id - 3));
    }

    @Override
    public int vocabularySize() {
        return 1200;
    }

    @Override
    public boolean addsBosToken() {
        return false;
    }

    @Override
    public void close() {}
}
