package ai.steersynth.packs.split;

/**
 * How detector examples are split.
 *
 * <p>Defaults ({@link #DEFAULT}): 60% train, 20% judge, 20% test, seed 42, no class balancing, no
 * caps.
 *
 * @param trainFraction share of groups assigned to train
 * @param judgeFraction share of groups assigned to judge
 * @param testFraction share of groups assigned to test; the three fractions sum to 1
 * @param seed the seed of every random choice; the same input and plan give the same split
 * @param maxMajorityRatio class balancing: within each split the larger class is downsampled to at
 *     most this many times the smaller one ({@code 1} = equal counts); {@code Double.POSITIVE_INFINITY}
 *     turns balancing off
 * @param maxTrain most examples kept in train (stratified downsampling beyond it)
 * @param maxJudge most examples kept in judge
 * @param maxTest most examples kept in test
 */
public record SplitPlan(
        double trainFraction,
        double judgeFraction,
        double testFraction,
        long seed,
        double maxMajorityRatio,
        int maxTrain,
        int maxJudge,
        int maxTest) {

    public static final long DEFAULT_SEED = 42L;

    public static final SplitPlan DEFAULT = new SplitPlan(
            0.6,
            0.2,
            0.2,
            DEFAULT_SEED,
            Double.POSITIVE_INFINITY,
            Integer.MAX_VALUE,
            Integer.MAX_VALUE,
            Integer.MAX_VALUE);

    public SplitPlan {
        if (trainFraction <= 0 || judgeFraction < 0 || testFraction <= 0) {
            throw new IllegalArgumentException("train and test fractions must be positive, judge not negative");
        }
        if (Math.abs(trainFraction + judgeFraction + testFraction - 1.0) > 1e-9) {
            throw new IllegalArgumentException(
                    "split fractions must sum to 1, got " + (trainFraction + judgeFraction + testFraction));
        }
        if (!(maxMajorityRatio >= 1.0)) {
            throw new IllegalArgumentException("maxMajorityRatio must be at least 1, was " + maxMajorityRatio);
        }
        if (maxTrain < 1 || maxJudge < 1 || maxTest < 1) {
            throw new IllegalArgumentException("split caps must be at least 1");
        }
    }

    public SplitPlan withSeed(long newSeed) {
        return new SplitPlan(
                trainFraction, judgeFraction, testFraction, newSeed, maxMajorityRatio, maxTrain, maxJudge, maxTest);
    }

    public SplitPlan withBalancing(double ratio) {
        return new SplitPlan(trainFraction, judgeFraction, testFraction, seed, ratio, maxTrain, maxJudge, maxTest);
    }

    public SplitPlan withCaps(int train, int judge, int test) {
        return new SplitPlan(trainFraction, judgeFraction, testFraction, seed, maxMajorityRatio, train, judge, test);
    }

    public boolean balances() {
        return maxMajorityRatio != Double.POSITIVE_INFINITY;
    }
}
