package ai.steersynth.metrics.domain;

/**
 * Set-level diversity of a config's whole sample set: how alike the responses are to each other. Every component
 * except the raw {@code vendiScore} and {@code selfBleu} lies in [0, 1] with higher = more diverse (see
 * docs/metrics.md).
 *
 * @param sampleCount the number of samples in the set, at least 1
 * @param distinct1 distinct unigrams of the set / unigrams of the set (n-grams do not cross sample boundaries)
 * @param distinct2 the same for bigrams
 * @param distinct3 the same for trigrams
 * @param selfBleu mean BLEU-4 of each sample against the others (NLTK, method1); higher = less diverse
 * @param compression {@link CompressionScore} of the samples' token strings joined by newlines
 * @param meanCosineDistance mean pairwise cosine distance of the sentence embeddings, clamped to [0, 1]
 * @param vendiScore the Vendi score of the cosine kernel, in [1, sampleCount]
 */
public record SetDiversity(
        int sampleCount,
        double distinct1,
        double distinct2,
        double distinct3,
        double selfBleu,
        double compression,
        double meanCosineDistance,
        double vendiScore) {

    public SetDiversity {
        if (sampleCount < 1) {
            throw new IllegalArgumentException("sampleCount must be at least 1, was " + sampleCount);
        }
        Scores.requireUnit("distinct1", distinct1);
        Scores.requireUnit("distinct2", distinct2);
        Scores.requireUnit("distinct3", distinct3);
        Scores.requireUnit("selfBleu", selfBleu);
        Scores.requireUnit("compression", compression);
        Scores.requireUnit("meanCosineDistance", meanCosineDistance);
        if (!(vendiScore >= 1.0 && vendiScore <= sampleCount)) {
            throw new IllegalArgumentException("vendiScore must lie in [1, " + sampleCount + "], was " + vendiScore);
        }
    }

    /** The mean of distinct-1, distinct-2 and distinct-3 across the set. */
    public double distinct() {
        return (distinct1 + distinct2 + distinct3) / 3.0;
    }

    /** 1 - Self-BLEU. */
    public double selfBleuDiversity() {
        return 1.0 - selfBleu;
    }

    /** The Vendi score / the set size, in [1/n, 1]. */
    public double normalisedVendiScore() {
        return vendiScore / sampleCount;
    }

    /**
     * The combined set-level score: the mean of distinct-n (averaged over n), 1 - Self-BLEU, compression, mean cosine
     * distance and the normalised Vendi score.
     */
    public double score() {
        return (distinct() + selfBleuDiversity() + compression + meanCosineDistance + normalisedVendiScore()) / 5.0;
    }
}
