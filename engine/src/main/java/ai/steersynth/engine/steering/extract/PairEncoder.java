package ai.steersynth.engine.steering.extract;

import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.engine.chat.ChatMessage;
import ai.steersynth.engine.chat.ChatTemplate;
import ai.steersynth.engine.chat.ChatTemplateException;
import ai.steersynth.engine.tokenizer.TextTokenizer;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a contrastive pair into the two token sequences whose residuals are read, in the model's
 * chat format.
 *
 * <ul>
 *   <li>AB (CAA): the prompt (question with choices) is the user turn; the assistant turn starts
 *       with the answer, e.g. {@code (A)}. The read position is the token holding the answer's
 *       letter, and the sequence ends there (the model is causal, so later tokens change nothing).
 *   <li>TEXT: the prompt, when there is one, is the user turn; the completion is the start of the
 *       assistant turn. With an empty prompt the completion follows the bare assistant header (the
 *       template rendered with no messages and the generation prompt), the context in which steered
 *       text is later generated. Every completion position is read, up to {@code
 *       maxCompletionTokens}.
 * </ul>
 *
 * The boundary between prompt and answer is found on token ids: the prompt-side text is encoded on
 * its own, and the first position where the whole sequence differs from it belongs to the answer.
 */
public final class PairEncoder {

    private final TextTokenizer tokenizer;
    private final ChatTemplate chatTemplate;
    private final int maxCompletionTokens;

    /**
     * @param tokenizer the model's tokenizer
     * @param chatTemplate the model's chat template
     * @param maxCompletionTokens TEXT completions are cut to this many tokens
     */
    public PairEncoder(TextTokenizer tokenizer, ChatTemplate chatTemplate, int maxCompletionTokens) {
        if (maxCompletionTokens < 1) {
            throw new IllegalArgumentException("maxCompletionTokens must be >= 1, was " + maxCompletionTokens);
        }
        this.tokenizer = tokenizer;
        this.chatTemplate = chatTemplate;
        this.maxCompletionTokens = maxCompletionTokens;
    }

    /** The positive side, then the negative side. */
    public List<EncodedText> encode(ContrastivePair pair) {
        return switch (pair.kind()) {
            case AB ->
                List.of(answerLetter(pair.prompt(), pair.positive()), answerLetter(pair.prompt(), pair.negative()));
            case TEXT ->
                List.of(completion(pair.prompt(), pair.positive()), completion(pair.prompt(), pair.negative()));
        };
    }

    /** Where the residual is read for this kind of pair. */
    public static ActivationPositions positionsOf(ContrastivePair.PairKind kind) {
        return kind == ContrastivePair.PairKind.AB
                ? ActivationPositions.AB_ANSWER_LETTER
                : ActivationPositions.TEXT_COMPLETION_MEAN;
    }

    EncodedText answerLetter(String question, String answer) {
        int letter = lastLetterOrDigit(answer);
        String prompt = chatTemplate.render(List.of(ChatMessage.user(question)), true);
        int[] upToLetter = tokenizer.encode(prompt + answer.substring(0, letter + 1), false);
        int[] whole = tokenizer.encode(prompt + answer, false);
        int common = commonPrefix(upToLetter, whole);
        // Either the letter's token is the last of the shorter encoding, or the whole encoding merged
        // it with what follows, and then the first differing token holds it.
        int position = common == upToLetter.length ? common - 1 : common;
        return new EncodedText(Arrays.copyOf(whole, position + 1), position);
    }

    EncodedText completion(String prompt, String completion) {
        if (completion.isEmpty()) {
            throw new IllegalArgumentException("a TEXT pair's completion must not be empty");
        }
        String prefix = promptSide(prompt);
        boolean addSpecialTokens = prefix.isEmpty();
        int[] promptIds = prefix.isEmpty() ? tokenizer.encode("", true) : tokenizer.encode(prefix, false);
        int[] whole = tokenizer.encode(prefix + completion, addSpecialTokens);
        int start = commonPrefix(promptIds, whole);
        if (start == whole.length) {
            throw new IllegalArgumentException("the completion '" + completion + "' adds no token");
        }
        int end = Math.min(whole.length, start + maxCompletionTokens);
        return new EncodedText(Arrays.copyOf(whole, end), start);
    }

    /** The rendered text in front of a completion; empty when the template cannot render it. */
    private String promptSide(String prompt) {
        List<ChatMessage> messages = prompt == null || prompt.isEmpty() ? List.of() : List.of(ChatMessage.user(prompt));
        try {
            return chatTemplate.render(messages, true);
        } catch (ChatTemplateException e) {
            if (!messages.isEmpty()) {
                throw e;
            }
            // Some templates index messages[0]; then the completion is encoded as plain text (with BOS).
            return "";
        }
    }

    private static int lastLetterOrDigit(String answer) {
        for (int i = answer.length() - 1; i >= 0; i--) {
            if (Character.isLetterOrDigit(answer.charAt(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException("the A/B answer '" + answer + "' has no letter");
    }

    private static int commonPrefix(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        int i = 0;
        while (i < n && a[i] == b[i]) {
            i++;
        }
        return i;
    }
}
