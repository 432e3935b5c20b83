package ai.steersynth.contracts.sweep;

/**
 * Sampling settings of a sweep's generations.
 *
 * @param maxNewTokens generated tokens per sample at most
 * @param temperature 0 means greedy
 * @param topP nucleus mass, 1.0 = off
 * @param topK 0 = off
 */
public record DecodingSettings(int maxNewTokens, double temperature, double topP, int topK) {

    /** Defaults close to the research setting: short, sampled, nucleus 0.9. */
    public static DecodingSettings defaults() {
        return new DecodingSettings(64, 0.7, 0.9, 0);
    }
}
