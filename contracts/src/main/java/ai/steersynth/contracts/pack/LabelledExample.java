package ai.steersynth.contracts.pack;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One detector example.
 *
 * @param prompt the prompt the text answers, or {@code null}
 * @param text the text to classify
 * @param label 1 = HHH-violating, 0 = not
 */
public record LabelledExample(
        String prompt,
        String text,
        // Required: a missing label would otherwise read as 0 and silently turn into "not violating".
        @JsonProperty(required = true) int label) {}
