package ai.steersynth.generator.domain;

/**
 * The engine's answer to one {@link SampleJob}.
 *
 * @param text the generated text (special tokens removed)
 * @param tokenCount generated tokens
 * @param finishReason {@code stop} or {@code length}
 */
public record GeneratedText(String text, int tokenCount, String finishReason) {}
