package ai.steersynth.packs.split;

import ai.steersynth.contracts.pack.LabelledExample;
import java.util.Collection;

/**
 * How many examples carry each label.
 *
 * @param violating examples with label 1
 * @param notViolating examples with label 0
 */
public record LabelCounts(int violating, int notViolating) {

    public static final LabelCounts ZERO = new LabelCounts(0, 0);

    /** Counts the labels of examples; labels other than 0 and 1 are not counted. */
    public static LabelCounts of(Collection<LabelledExample> examples) {
        int violating = 0;
        int notViolating = 0;
        for (LabelledExample e : examples) {
            if (e.label() == 1) {
                violating++;
            } else if (e.label() == 0) {
                notViolating++;
            }
        }
        return new LabelCounts(violating, notViolating);
    }

    public int total() {
        return violating + notViolating;
    }

    public LabelCounts plus(LabelCounts other) {
        return new LabelCounts(violating + other.violating, notViolating + other.notViolating);
    }

    @Override
    public String toString() {
        return total() + " (violating " + violating + ", not " + notViolating + ")";
    }
}
