package ai.steersynth.engine.tokenizer;

/**
 * Text to token ids and back, with the special tokens generation needs. Ids are those of the
 * model's embedding matrix.
 */
public interface TextTokenizer extends AutoCloseable {

    /**
     * Encodes text. With {@code addSpecialTokens} the tokenizer's post-processing runs, which adds
     * BOS for models that want it ({@link #addsBosToken()}); special tokens written in the text
     * ({@code <|im_start|>}) are always recognised as such. Chat prompts rendered by a template
     * already contain their BOS, so encode them with {@code addSpecialTokens = false}.
     */
    int[] encode(String text, boolean addSpecialTokens);

    /** Decodes ids to text, dropping special tokens when {@code skipSpecialTokens} is set. */
    String decode(int[] ids, boolean skipSpecialTokens);

    /** The beginning-of-sequence token id, or -1 when the model has none. */
    int bosTokenId();

    /** The end-of-sequence token id, or -1 when the model has none. */
    int eosTokenId();

    /** The BOS token's text (e.g. {@code <|im_start|>}), or {@code null}; chat templates use it. */
    String bosToken();

    /** The EOS token's text (e.g. {@code <|im_end|>}), or {@code null}; chat templates use it. */
    String eosToken();

    /**
     * Ids that end generation: EOS plus any end-of-turn ids the model declares
     * ({@code generation_config.json}'s {@code eos_token_id} list, GGUF's eot/eom ids). Distinct, sorted.
     */
    int[] stopTokenIds();

    /** The vocabulary entry for an id as the model spells it (byte-level BPE shows a space as {@code Ġ}). */
    String tokenString(int id);

    /** Number of ids, i.e. one more than the largest id. */
    int vocabularySize();

    /** Whether {@code encode(text, true)} prepends BOS. */
    boolean addsBosToken();

    @Override
    void close();
}
