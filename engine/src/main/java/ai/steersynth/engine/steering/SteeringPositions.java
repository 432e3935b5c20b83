package ai.steersynth.engine.steering;

/**
 * Which positions of a row a steering vector is added at.
 *
 * @param prompt add at prompt positions
 * @param firstPromptTokens when positive, only the first that many prompt tokens (ActAdd-style
 *     injection); 0 means every prompt token
 * @param generated add at the positions of generated tokens as they are fed back in
 */
public record SteeringPositions(boolean prompt, int firstPromptTokens, boolean generated) {

    public SteeringPositions {
        if (firstPromptTokens < 0) {
            throw new IllegalArgumentException("firstPromptTokens must be >= 0, was " + firstPromptTokens);
        }
        if (!prompt && !generated) {
            throw new IllegalArgumentException("steering must apply to prompt or generated positions");
        }
    }

    /** Every position, prompt and generated (CAA-style). */
    public static SteeringPositions promptAndGenerated() {
        return new SteeringPositions(true, 0, true);
    }

    /** Generated positions only: the prompt is read unsteered. */
    public static SteeringPositions generatedOnly() {
        return new SteeringPositions(false, 0, true);
    }

    /** Every prompt position, none of the generated ones. */
    public static SteeringPositions promptOnly() {
        return new SteeringPositions(true, 0, false);
    }

    /** ActAdd: the first {@code count} prompt positions only; later tokens see it through the KV cache. */
    public static SteeringPositions firstPromptTokens(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, was " + count);
        }
        return new SteeringPositions(true, count, false);
    }

    /** Whether the prompt token at index {@code promptIndex} (0 = first real token) is steered. */
    public boolean coversPromptIndex(int promptIndex) {
        return prompt && (firstPromptTokens == 0 || promptIndex < firstPromptTokens);
    }
}
