package ai.steersynth.engine.generate;

import ai.steersynth.engine.steering.CapturedActivations;

/**
 * One row's outcome.
 *
 * @param tokenIds the generated tokens, without the prompt and without a stop token
 * @param finishReason why generation ended
 * @param activations what the row asked to capture ({@link CapturedActivations#NONE} otherwise)
 */
public record GenerationResult(int[] tokenIds, FinishReason finishReason, CapturedActivations activations) {

    @Override
    public int[] tokenIds() {
        return tokenIds.clone();
    }
}
