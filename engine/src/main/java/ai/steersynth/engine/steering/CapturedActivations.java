package ai.steersynth.engine.steering;

import java.util.List;
import java.util.Map;

/**
 * A row's copied-out activations, keyed by layer; each {@code float[]} has one value per hidden unit.
 *
 * @param lastPromptToken the last prompt token per layer
 * @param meanOverPrompt the prompt mean per layer
 * @param generatedTokens per layer, one activation per generated token, in order
 */
public record CapturedActivations(
        Map<Integer, float[]> lastPromptToken,
        Map<Integer, float[]> meanOverPrompt,
        Map<Integer, List<float[]>> generatedTokens) {

    /** Nothing captured. */
    public static final CapturedActivations NONE = new CapturedActivations(Map.of(), Map.of(), Map.of());
}
