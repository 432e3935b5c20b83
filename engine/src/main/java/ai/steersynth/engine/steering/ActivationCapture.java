package ai.steersynth.engine.steering;

import java.util.Arrays;

/**
 * Which residual-stream activations to copy out for a row (after the block, steering included).
 *
 * @param layers 0-based blocks to read
 * @param lastPromptToken the last prompt token's activation
 * @param meanOverPrompt the mean over prompt tokens from {@code meanFromPromptIndex} on (0 = the
 *     whole prompt; a later start averages, say, only a completion appended to the prompt)
 * @param meanFromPromptIndex the first prompt index included in the mean
 * @param generatedTokens one activation per generated token: the position whose output produced
 *     it (the last prompt position for the first token, then each fed-back token)
 */
public record ActivationCapture(
        int[] layers,
        boolean lastPromptToken,
        boolean meanOverPrompt,
        int meanFromPromptIndex,
        boolean generatedTokens) {

    public ActivationCapture {
        if (layers == null || layers.length == 0) {
            throw new IllegalArgumentException("capture needs at least one layer");
        }
        if (meanFromPromptIndex < 0) {
            throw new IllegalArgumentException("meanFromPromptIndex must be >= 0");
        }
        layers = layers.clone();
    }

    /** The last prompt token and the whole-prompt mean at each of {@code layers}. */
    public static ActivationCapture prompt(int... layers) {
        return new ActivationCapture(layers, true, true, 0, false);
    }

    /** Every generated token at each of {@code layers}. */
    public static ActivationCapture generated(int... layers) {
        return new ActivationCapture(layers, false, false, 0, true);
    }

    /** Whether {@code layer} is read. */
    public boolean reads(int layer) {
        return Arrays.stream(layers).anyMatch(l -> l == layer);
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActivationCapture that
                && Arrays.equals(layers, that.layers)
                && lastPromptToken == that.lastPromptToken
                && meanOverPrompt == that.meanOverPrompt
                && meanFromPromptIndex == that.meanFromPromptIndex
                && generatedTokens == that.generatedTokens;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(layers) * 31 + meanFromPromptIndex;
    }

    @Override
    public String toString() {
        return "ActivationCapture[layers=" + Arrays.toString(layers) + ", last=" + lastPromptToken + ", mean="
                + meanOverPrompt + " from " + meanFromPromptIndex + ", generated=" + generatedTokens + "]";
    }
}
