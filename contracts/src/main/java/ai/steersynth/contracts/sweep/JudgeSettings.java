package ai.steersynth.contracts.sweep;

/**
 * Which judge scores a sweep's samples.
 *
 * @param backend {@code offline} (default), {@code openai} or {@code local-llm}
 * @param model the judge model for {@code openai}/{@code local-llm}; null for offline
 * @param baseUrl the OpenAI-compatible endpoint for {@code openai}; null otherwise
 */
public record JudgeSettings(String backend, String model, String baseUrl) {

    public static JudgeSettings defaults() {
        return new JudgeSettings("offline", null, null);
    }
}
