package ai.steersynth.metrics.domain;

import java.util.List;

/**
 * Sample-level diversity of one response, or the mean over a config's responses; every component lies in [0, 1] and
 * higher means more diverse (see docs/metrics.md for the formulas).
 *
 * @param distinct1 distinct unigrams / unigrams within the response
 * @param distinct2 distinct bigrams / bigrams
 * @param distinct3 distinct trigrams / trigrams
 * @param mattr moving-average type-token ratio (plain TTR for texts shorter than the window)
 * @param herdanC Herdan's C, log(types) / log(tokens), the length-robust penalised TTR
 * @param compression {@link CompressionScore} of the response
 * @param nonRepetition 1 - the share of 4-gram occurrences whose 4-gram occurs more than once
 */
public record SampleDiversity(
        double distinct1,
        double distinct2,
        double distinct3,
        double mattr,
        double herdanC,
        double compression,
        double nonRepetition) {

    /** The score of a response with no tokens: nothing was said, so nothing is diverse. */
    public static final SampleDiversity EMPTY = new SampleDiversity(0, 0, 0, 0, 0, 0, 0);

    public SampleDiversity {
        Scores.requireUnit("distinct1", distinct1);
        Scores.requireUnit("distinct2", distinct2);
        Scores.requireUnit("distinct3", distinct3);
        Scores.requireUnit("mattr", mattr);
        Scores.requireUnit("herdanC", herdanC);
        Scores.requireUnit("compression", compression);
        Scores.requireUnit("nonRepetition", nonRepetition);
    }

    /** The mean of distinct-1, distinct-2 and distinct-3, which enters {@link #score()} as one component. */
    public double distinct() {
        return (distinct1 + distinct2 + distinct3) / 3.0;
    }

    /**
     * The combined sample-level score: the mean of five components (distinct-n averaged over n first, so n-gram
     * uniqueness counts once rather than three times), MATTR, Herdan's C, compression and non-repetition.
     */
    public double score() {
        return (distinct() + mattr + herdanC + compression + nonRepetition) / 5.0;
    }

    /** The component-wise mean over a config's responses; its {@link #score()} is the mean of their scores. */
    public static SampleDiversity mean(List<SampleDiversity> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("cannot average the diversity of no samples");
        }
        double[] sums = new double[7];
        for (SampleDiversity sample : samples) {
            sums[0] += sample.distinct1;
            sums[1] += sample.distinct2;
            sums[2] += sample.distinct3;
            sums[3] += sample.mattr;
            sums[4] += sample.herdanC;
            sums[5] += sample.compression;
            sums[6] += sample.nonRepetition;
        }
        int n = samples.size();
        return new SampleDiversity(
                Scores.clampUnit(sums[0] / n),
                Scores.clampUnit(sums[1] / n),
                Scores.clampUnit(sums[2] / n),
                Scores.clampUnit(sums[3] / n),
                Scores.clampUnit(sums[4] / n),
                Scores.clampUnit(sums[5] / n),
                Scores.clampUnit(sums[6] / n));
    }
}
