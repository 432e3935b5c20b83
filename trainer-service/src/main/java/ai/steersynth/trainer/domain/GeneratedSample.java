package ai.steersynth.trainer.domain;

import java.util.Objects;

/**
 * One generated text of a steering config or the prompting baseline, as the trainer needs it.
 *
 * @param prompt the generation prompt the text answers (before the chat template), or {@code null} when unknown
 * @param text the generated response
 * @param success the judge's success score in [0, 1], or {@code null} when not judged
 */
public record GeneratedSample(String prompt, String text, Double success) {

    public GeneratedSample {
        Objects.requireNonNull(text, "text");
        if (success != null && !(success >= 0 && success <= 1)) {
            throw new IllegalArgumentException("success must be in [0, 1], got " + success);
        }
    }

    /** An unjudged sample without a known prompt. */
    public static GeneratedSample of(String text) {
        return new GeneratedSample(null, text, null);
    }

    /** An unjudged sample answering {@code prompt}. */
    public static GeneratedSample of(String prompt, String text) {
        return new GeneratedSample(prompt, text, null);
    }
}
