package ai.steersynth.packs;

import ai.steersynth.contracts.pack.LabelledExample;

/**
 * The identity of a detector example for de-duplication and for the "no text in two splits" rule:
 * its exact (case-sensitive) text together with its prompt. The prompt is part of the identity
 * because question-answer data (CAA sycophancy, hallucination) repeats short answers such as
 * {@code Agree} under many different questions; a missing prompt and an empty one are the same.
 *
 * @param prompt the prompt, {@code ""} when the example has none
 * @param text the text
 */
public record ExampleKey(String prompt, String text) {

    /** The key of an example, as stored (normalise first to compare normalised texts). */
    public static ExampleKey of(LabelledExample example) {
        return new ExampleKey(example.prompt() == null ? "" : example.prompt(), example.text());
    }

    /**
     * The group an example is split with: examples answering the same prompt stay in one split, so
     * a detector is never tested on a question it was trained on; an example without a prompt is
     * its own group.
     */
    public static String groupOf(LabelledExample example) {
        String prompt = example.prompt();
        return prompt == null || prompt.isEmpty() ? "text:" + example.text() : "prompt:" + prompt;
    }
}
