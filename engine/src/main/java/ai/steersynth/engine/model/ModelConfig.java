package ai.steersynth.engine.model;

/**
 * The immutable configuration of a Llama-family decoder, mapped at the edge from {@code config.json}
 * or GGUF metadata. Java names spelled out; the mapping lives in the readers.
 *
 * @param architecture family name as the source spells it, e.g. {@code llama}, {@code qwen2}, {@code mistral}
 * @param numberOfLayers decoder blocks
 * @param hiddenSize residual stream width
 * @param intermediateSize MLP inner width
 * @param numberOfHeads query heads
 * @param numberOfKeyValueHeads key/value heads (grouped-query attention when fewer than query heads)
 * @param headSize per-head width
 * @param vocabularySize rows of the embedding matrix
 * @param maxPositionEmbeddings context length the model was trained for
 * @param rmsNormEpsilon RMSNorm epsilon
 * @param ropeTheta RoPE base frequency
 * @param ropeScaling llama3-style RoPE frequency scaling, or {@code null}
 * @param tiedEmbeddings whether the LM head reuses the token embedding matrix
 * @param attentionBias whether q/k/v projections carry biases (Qwen2)
 */
public record ModelConfig(
        String architecture,
        int numberOfLayers,
        int hiddenSize,
        int intermediateSize,
        int numberOfHeads,
        int numberOfKeyValueHeads,
        int headSize,
        int vocabularySize,
        int maxPositionEmbeddings,
        float rmsNormEpsilon,
        float ropeTheta,
        RopeScaling ropeScaling,
        boolean tiedEmbeddings,
        boolean attentionBias) {

    /**
     * llama3 RoPE scaling ({@code rope_scaling.rope_type = "llama3"}).
     *
     * @param factor frequency divisor for low frequencies
     * @param lowFrequencyFactor low-frequency wavelength factor
     * @param highFrequencyFactor high-frequency wavelength factor
     * @param originalMaxPositionEmbeddings context length before scaling
     */
    public record RopeScaling(
            float factor, float lowFrequencyFactor, float highFrequencyFactor, int originalMaxPositionEmbeddings) {}

    /** Query heads that share one key/value head. */
    public int queryGroups() {
        return numberOfHeads / numberOfKeyValueHeads;
    }
}
