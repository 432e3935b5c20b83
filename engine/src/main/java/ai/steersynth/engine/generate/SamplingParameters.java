package ai.steersynth.engine.generate;

/**
 * How the next token is drawn: temperature, then top-k, then top-p (nucleus), in the order
 * transformers' {@code generate} applies them.
 *
 * @param temperature divisor of the logits; 0 means greedy (argmax)
 * @param topK keep the {@code topK} most likely tokens; 0 keeps all
 * @param topP keep the smallest most-likely set whose probability reaches {@code topP}; 1 keeps all
 */
public record SamplingParameters(float temperature, int topK, float topP) {

    public SamplingParameters {
        if (!(temperature >= 0f) || Float.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, was " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, was " + topK);
        }
        if (!(topP > 0f && topP <= 1f)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
    }

    /** Always the most likely token. */
    public static SamplingParameters greedy() {
        return new SamplingParameters(0f, 0, 1f);
    }

    /** Temperature sampling over the whole vocabulary. */
    public static SamplingParameters temperature(float temperature) {
        return new SamplingParameters(temperature, 0, 1f);
    }

    /** Whether this is argmax decoding. */
    public boolean isGreedy() {
        return temperature == 0f;
    }
}
