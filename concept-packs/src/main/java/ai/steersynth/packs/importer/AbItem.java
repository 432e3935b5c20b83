package ai.steersynth.packs.importer;

import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
import ai.steersynth.contracts.pack.LabelledExample;
import java.util.List;

/**
 * One CAA-style A/B item, parsed and normalised.
 *
 * @param source the file it came from
 * @param location its item index
 * @param question the full question with its choices, as the model sees it
 * @param stem the question without the choices block (and without its {@code Choices:} line)
 * @param matchingLetter the answer letter showing the behaviour, e.g. {@code (B)}
 * @param matchingText the text of that choice
 * @param notMatchingLetter the other answer letter
 * @param notMatchingText the text of that choice
 */
public record AbItem(
        String source,
        String location,
        String question,
        String stem,
        String matchingLetter,
        String matchingText,
        String notMatchingLetter,
        String notMatchingText) {

    /**
     * The AB contrastive pair: positive is the letter of the violating answer.
     *
     * @param matchingIsViolating whether the dataset's "matching behaviour" is the HHH-violating one
     *     (sycophancy, hallucination: yes; CAA refusal: no, there matching is the refusal)
     */
    public ContrastivePair pair(boolean matchingIsViolating) {
        return matchingIsViolating
                ? new ContrastivePair(PairKind.AB, question, matchingLetter, notMatchingLetter)
                : new ContrastivePair(PairKind.AB, question, notMatchingLetter, matchingLetter);
    }

    /** Two detector examples: the stem with each answer's text, the violating one labelled 1. */
    public List<LabelledExample> examples(boolean matchingIsViolating) {
        return List.of(
                new LabelledExample(stem, matchingText, matchingIsViolating ? 1 : 0),
                new LabelledExample(stem, notMatchingText, matchingIsViolating ? 0 : 1));
    }
}
