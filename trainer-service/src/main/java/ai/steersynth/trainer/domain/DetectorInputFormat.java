package ai.steersynth.trainer.domain;

import ai.steersynth.contracts.pack.LabelledExample;
import java.util.List;
import java.util.Objects;

/**
 * What a detector reads of an example: the text alone, or the prompt it answers followed by the text. Decided once
 * per concept pack from its detector train split and applied alike to the pack's real examples (train and test) and
 * to the generated samples that replace its positives, whose prompt is their generation prompt. Deciding per pack,
 * not per example, keeps "has a prompt" from becoming a feature: either every input has its prompt or none has.
 */
public enum DetectorInputFormat {

    /** The example's text only: packs whose examples stand alone (toxicity, harmful requests). */
    TEXT,

    /**
     * The prompt, a blank line, then the text: packs whose examples answer a question (the A/B concepts, where the
     * answer alone does not say whether it is sycophantic or made up).
     */
    PROMPT_AND_TEXT;

    /** The separator between prompt and text in {@link #PROMPT_AND_TEXT}. */
    public static final String SEPARATOR = "\n\n";

    /**
     * {@link #PROMPT_AND_TEXT} when the train split is non-empty and every one of its examples has a non-blank
     * prompt, else {@link #TEXT} (a pack where only some examples have a prompt is read as text only).
     */
    public static DetectorInputFormat of(List<LabelledExample> train) {
        Objects.requireNonNull(train, "train");
        boolean allPrompted = !train.isEmpty() && train.stream().allMatch(e -> !isBlank(e.prompt()));
        return allPrompted ? PROMPT_AND_TEXT : TEXT;
    }

    /**
     * The detector's input for one example or sample.
     *
     * @param prompt the prompt the text answers (a generated sample's generation prompt), or {@code null}
     * @param text the text
     * @return the text, or with {@link #PROMPT_AND_TEXT} and a non-blank prompt, prompt + {@link #SEPARATOR} + text
     */
    public String render(String prompt, String text) {
        Objects.requireNonNull(text, "text");
        return this == PROMPT_AND_TEXT && !isBlank(prompt) ? prompt.strip() + SEPARATOR + text : text;
    }

    /** {@link #render(String, String)} of a real example. */
    public String render(LabelledExample example) {
        return render(example.prompt(), example.text());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
