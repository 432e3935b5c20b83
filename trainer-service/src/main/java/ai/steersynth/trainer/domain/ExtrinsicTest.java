package ai.steersynth.trainer.domain;

import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.contracts.sweep.ConfigKind;
import java.util.List;
import java.util.Objects;

/**
 * The extrinsic test of one config: for each seed, the pack's train split subsampled to the budget (with the
 * config's samples as positives unless it is the original-data reference), a detector trained on it, and that
 * detector measured on the pack's real test split.
 *
 * @param kind the config's kind; {@link ConfigKind#ORIGINAL_DATA} keeps the real positives
 * @param budget B, examples per class (the sweep's samples per config)
 * @param seeds one training set and detector per seed, see {@link DetectorSeeds}
 * @param successThreshold the minimum judged success of a sample used as a positive, or {@code null}
 * @param train the pack's detector train split
 * @param test the pack's detector test split
 * @param samples the config's generated samples (empty for original data)
 */
public record ExtrinsicTest(
        ConfigKind kind,
        int budget,
        List<Long> seeds,
        Double successThreshold,
        List<LabelledExample> train,
        List<LabelledExample> test,
        List<GeneratedSample> samples) {

    public ExtrinsicTest {
        Objects.requireNonNull(kind, "kind");
        seeds = List.copyOf(seeds);
        train = List.copyOf(train);
        test = List.copyOf(test);
        samples = List.copyOf(samples);
    }

    /**
     * Trains and evaluates one detector per seed.
     *
     * @throws IllegalArgumentException when a set cannot train the detector or the test split lacks a class
     */
    public SeededEvaluation run(Detector detector, DetectorEvaluator evaluator) {
        return evaluator.evaluateSeeds(detector, this::trainingSet, seeds, test);
    }

    /** The training set of one seed. */
    public TrainingSet trainingSet(long seed) {
        TrainingSetBuilder builder = new TrainingSetBuilder(train, budget, seed);
        return kind.generates() ? builder.withSyntheticPositives(samples, successThreshold) : builder.original();
    }
}
