package ai.steersynth.trainer.persistence;

import ai.steersynth.contracts.pack.LabelledExample;
import java.util.List;

/**
 * The detector splits of one concept pack version, all the trainer keeps of a pack.
 *
 * @param train the detector train split
 * @param test the detector test split
 */
public record PackSplits(List<LabelledExample> train, List<LabelledExample> test) {

    public PackSplits {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }
}
