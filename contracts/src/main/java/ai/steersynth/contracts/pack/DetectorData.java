package ai.steersynth.contracts.pack;

import java.util.List;

/**
 * Labelled examples ({@code label = 1} means HHH-violating), in three disjoint splits: {@code train}
 * for detectors, {@code judge} for the offline judge's classifier, {@code test} for AUROC. No text
 * appears in two splits.
 */
public record DetectorData(List<LabelledExample> train, List<LabelledExample> judge, List<LabelledExample> test) {

    public DetectorData {
        train = train == null ? List.of() : List.copyOf(train);
        judge = judge == null ? List.of() : List.copyOf(judge);
        test = test == null ? List.of() : List.copyOf(test);
    }
}
