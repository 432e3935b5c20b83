package ai.steersynth.trainer.domain;

import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.ml.evaluate.BinaryEvaluation;
import ai.steersynth.ml.evaluate.StratifiedBootstrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Trains a detector on a composed set and measures it on the concept pack's real test split: AUROC with a
 * stratified percentile bootstrap interval, AUPRC, and best-threshold accuracy.
 *
 * @param bootstrapResamples resamples for the AUROC interval
 * @param confidenceLevel the interval's coverage, e.g. 0.95
 */
public record DetectorEvaluator(int bootstrapResamples, double confidenceLevel) {

    public DetectorEvaluator {
        new StratifiedBootstrap(bootstrapResamples, confidenceLevel, 0); // validates
    }

    /** 1000 resamples, 95 %. */
    public static DetectorEvaluator defaults() {
        return new DetectorEvaluator(StratifiedBootstrap.DEFAULT_RESAMPLES, 0.95);
    }

    /**
     * One run: the test split is rendered with the training set's {@link DetectorInputFormat} (recorded in the
     * parameters as {@code input}). The bootstrap is seeded with the training set's seed, so a run is reproducible from its
     * composition.
     *
     * @param test the real test split, both labels present
     */
    public DetectorRunResult evaluate(Detector detector, TrainingSet trainingSet, List<LabelledExample> test) {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(test, "test");
        TrainedDetector trained = detector.train(trainingSet);
        DetectorInputFormat format = trainingSet.inputFormat();
        List<String> texts = test.stream().map(format::render).toList();
        int[] labels = test.stream().mapToInt(LabelledExample::label).toArray();
        double[] scores = trained.score(texts);
        long seed = trainingSet.composition().seed();
        BinaryEvaluation evaluation =
                BinaryEvaluation.of(scores, labels, new StratifiedBootstrap(bootstrapResamples, confidenceLevel, seed));
        Map<String, String> parameters = new LinkedHashMap<>(trained.parameters());
        parameters.put("input", format.name());
        return new DetectorRunResult(detector.kind(), trainingSet.composition(), Map.copyOf(parameters), evaluation);
    }

    /**
     * One run per seed, with mean and spread. Each seed gets its own training set (a fresh subsample) from
     * {@code trainingSetForSeed}, e.g. {@code s -> new TrainingSetBuilder(train, budget, s).original()}.
     */
    public SeededEvaluation evaluateSeeds(
            Detector detector,
            LongFunction<TrainingSet> trainingSetForSeed,
            List<Long> seeds,
            List<LabelledExample> test) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seeds");
        }
        List<DetectorRunResult> runs = new ArrayList<>();
        for (long seed : seeds) {
            TrainingSet set = trainingSetForSeed.apply(seed);
            if (set.composition().seed() != seed) {
                throw new IllegalArgumentException("training set for seed " + seed + " was built with seed "
                        + set.composition().seed());
            }
            runs.add(evaluate(detector, set, test));
        }
        return SeededEvaluation.of(runs);
    }
}
