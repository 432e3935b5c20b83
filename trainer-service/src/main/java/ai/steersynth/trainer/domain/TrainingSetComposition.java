package ai.steersynth.trainer.domain;

/**
 * What went into a detector training set: stored with every detector run so a result can be traced and
 * reproduced.
 *
 * @param rule how the set was built
 * @param budget B, the requested number of examples per class
 * @param seed the seed of every subsample (and of the detector's own validation split)
 * @param negatives real negatives used
 * @param realPositives real positives used ({@link CompositionRule#ORIGINAL}), else 0
 * @param syntheticPositives generated samples used as positives ({@link CompositionRule#SYNTHETIC_POSITIVES}),
 *     else 0
 * @param samplesOffered generated samples the config had (0 for ORIGINAL)
 * @param samplesUnjudged offered samples without a success score, left out because a threshold was set
 * @param samplesEligible offered samples that passed the success filter (all, without a threshold)
 * @param successThreshold the minimum judged success, or {@code null} for no filter
 * @param positiveShortfall B minus the positives used: the positives were fewer than the budget
 * @param negativeShortfall B minus the negatives used: the train split had fewer negatives than the budget
 */
public record TrainingSetComposition(
        CompositionRule rule,
        int budget,
        long seed,
        int negatives,
        int realPositives,
        int syntheticPositives,
        int samplesOffered,
        int samplesUnjudged,
        int samplesEligible,
        Double successThreshold,
        int positiveShortfall,
        int negativeShortfall) {

    /** Positives of either origin. */
    public int positives() {
        return realPositives + syntheticPositives;
    }

    /** Examples in the set. */
    public int size() {
        return negatives + positives();
    }

    /** Class balance: the share of positives (0.5 when both classes fill the budget). */
    public double positiveFraction() {
        return size() == 0 ? 0 : positives() / (double) size();
    }

    /** Whether either class fell short of the budget. */
    public boolean hasShortfall() {
        return positiveShortfall > 0 || negativeShortfall > 0;
    }
}
