package ai.steersynth.contracts.pack;

/**
 * One detector example.
 *
 * @param prompt the prompt the text answers, or {@code null}
 * @param text the text to classify
 * @param label 1 = HHH-violating, 0 = not
 */
public record LabelledExample(String prompt, String text, int label) {}
