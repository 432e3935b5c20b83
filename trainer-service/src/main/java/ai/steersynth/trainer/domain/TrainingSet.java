package ai.steersynth.trainer.domain;

import java.util.List;
import java.util.Objects;

/**
 * A detector training set and how it was composed.
 *
 * @param examples negatives first, then positives
 * @param composition counts, rule, threshold and seed
 * @param inputFormat how the examples' texts were rendered from prompt and text; the test split is rendered alike
 */
public record TrainingSet(
        List<LabelledText> examples, TrainingSetComposition composition, DetectorInputFormat inputFormat) {

    public TrainingSet {
        examples = List.copyOf(examples);
        Objects.requireNonNull(composition, "composition");
        Objects.requireNonNull(inputFormat, "inputFormat");
    }

    /** The detector inputs (rendered texts), in example order. */
    public List<String> texts() {
        return examples.stream().map(LabelledText::text).toList();
    }

    /** The labels, in example order. */
    public int[] labels() {
        return examples.stream().mapToInt(LabelledText::label).toArray();
    }
}
