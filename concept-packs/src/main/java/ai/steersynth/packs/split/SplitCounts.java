package ai.steersynth.packs.split;

import ai.steersynth.contracts.pack.DetectorData;

/**
 * Label counts per split.
 *
 * @param train the detector training split
 * @param judge the split that trains the offline judge's classifier
 * @param test the split AUROC is measured on
 */
public record SplitCounts(LabelCounts train, LabelCounts judge, LabelCounts test) {

    public static SplitCounts of(DetectorData data) {
        return new SplitCounts(LabelCounts.of(data.train()), LabelCounts.of(data.judge()), LabelCounts.of(data.test()));
    }

    public LabelCounts total() {
        return train.plus(judge).plus(test);
    }

    @Override
    public String toString() {
        return "train " + train + ", judge " + judge + ", test " + test;
    }
}
