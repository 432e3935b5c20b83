package ai.steersynth.contracts.pack;

/**
 * One contrastive item. For {@link PairKind#AB} items the prompt holds the question with its
 * choices and {@code positive}/{@code negative} are the answer letters, e.g. {@code "(A)"} and
 * {@code "(B)"}: the activation is read at the answer-letter token (CAA). For {@link PairKind#TEXT}
 * pairs they are whole completions and the activation is the mean over the completion's tokens.
 *
 * @param kind how the pair is read
 * @param prompt the shared prompt (may be empty for TEXT pairs)
 * @param positive the completion that expresses the concept
 * @param negative the completion that does not
 */
public record ContrastivePair(PairKind kind, String prompt, String positive, String negative) {

    /** How a pair's activations are collected. */
    public enum PairKind {
        AB,
        TEXT
    }
}
