package ai.steersynth.trainer.domain;

import ai.steersynth.contracts.pack.LabelledExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Builds the detector training sets of one (concept, budget, seed): the original-data set and, for each
 * steering config or the prompting baseline, the set whose positives are that config's samples.
 *
 * <p>The B real negatives are drawn once, in the constructor, so every set from one builder shares them
 * exactly; only the positives differ between the original and a config. Each subsample has its own random
 * stream derived from the seed, so the negatives do not depend on how many positives were drawn.
 *
 * <p>Texts are rendered as detector inputs by the pack's {@link DetectorInputFormat}: with prompts, a real example
 * is its prompt and text and a generated sample its generation prompt and text.
 */
public final class TrainingSetBuilder {

    private static final int NEGATIVE_STREAM = 1;
    private static final int REAL_POSITIVE_STREAM = 2;
    private static final int SAMPLE_STREAM = 3;

    private final List<LabelledExample> realPositives;
    private final List<LabelledText> negatives;
    private final int budget;
    private final long seed;
    private final DetectorInputFormat inputFormat;

    /**
     * With the input format of the train split ({@link DetectorInputFormat#of}).
     *
     * @param train the concept pack's detector train split
     * @param budget B, examples per class, at least 1
     * @param seed the seed of the subsamples
     */
    public TrainingSetBuilder(List<LabelledExample> train, int budget, long seed) {
        this(train, budget, seed, DetectorInputFormat.of(Objects.requireNonNull(train, "train")));
    }

    /**
     * @param train the concept pack's detector train split
     * @param budget B, examples per class, at least 1
     * @param seed the seed of the subsamples
     * @param inputFormat how real examples and samples become detector inputs
     */
    public TrainingSetBuilder(List<LabelledExample> train, int budget, long seed, DetectorInputFormat inputFormat) {
        Objects.requireNonNull(train, "train");
        this.inputFormat = Objects.requireNonNull(inputFormat, "inputFormat");
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be at least 1, got " + budget);
        }
        this.budget = budget;
        this.seed = seed;
        List<LabelledExample> positives = new ArrayList<>();
        List<LabelledExample> realNegatives = new ArrayList<>();
        for (LabelledExample example : train) {
            (example.label() == 1 ? positives : realNegatives).add(example);
        }
        this.realPositives = List.copyOf(positives);
        this.negatives = subsample(realNegatives, budget, NEGATIVE_STREAM).stream()
                .map(e -> new LabelledText(this.inputFormat.render(e), 0, LabelledText.Origin.REAL))
                .toList();
    }

    /** The original-data set: the B negatives with B real positives. */
    public TrainingSet original() {
        List<LabelledText> examples = new ArrayList<>(negatives);
        List<LabelledExample> chosen = subsample(realPositives, budget, REAL_POSITIVE_STREAM);
        for (LabelledExample e : chosen) {
            examples.add(new LabelledText(inputFormat.render(e), 1, LabelledText.Origin.REAL));
        }
        TrainingSetComposition composition = new TrainingSetComposition(
                CompositionRule.ORIGINAL,
                budget,
                seed,
                negatives.size(),
                chosen.size(),
                0,
                0,
                0,
                0,
                null,
                budget - chosen.size(),
                budget - negatives.size());
        return new TrainingSet(examples, composition, inputFormat);
    }

    /**
     * A config's set: the B negatives with B of its samples as positives. With a threshold only samples judged
     * at least that successful are eligible (unjudged ones are left out and counted); if fewer than B are
     * eligible, all of them are used and the shortfall is recorded.
     *
     * @param samples the config's generated samples
     * @param successThreshold minimum judged success in [0, 1], or {@code null} for no filter
     */
    public TrainingSet withSyntheticPositives(List<GeneratedSample> samples, Double successThreshold) {
        Objects.requireNonNull(samples, "samples");
        if (successThreshold != null && !(successThreshold >= 0 && successThreshold <= 1)) {
            throw new IllegalArgumentException("successThreshold must be in [0, 1], got " + successThreshold);
        }
        List<GeneratedSample> eligible = new ArrayList<>();
        int unjudged = 0;
        for (GeneratedSample sample : samples) {
            if (successThreshold == null) {
                eligible.add(sample);
            } else if (sample.success() == null) {
                unjudged++;
            } else if (sample.success() >= successThreshold) {
                eligible.add(sample);
            }
        }
        List<GeneratedSample> chosen = subsample(eligible, budget, SAMPLE_STREAM);
        List<LabelledText> examples = new ArrayList<>(negatives);
        for (GeneratedSample sample : chosen) {
            examples.add(new LabelledText(
                    inputFormat.render(sample.prompt(), sample.text()), 1, LabelledText.Origin.SYNTHETIC));
        }
        TrainingSetComposition composition = new TrainingSetComposition(
                CompositionRule.SYNTHETIC_POSITIVES,
                budget,
                seed,
                negatives.size(),
                0,
                chosen.size(),
                samples.size(),
                unjudged,
                eligible.size(),
                successThreshold,
                budget - chosen.size(),
                budget - negatives.size());
        return new TrainingSet(examples, composition, inputFormat);
    }

    /** Up to {@code count} items, in a seeded random order; all of them (shuffled) when there are fewer. */
    private <T> List<T> subsample(List<T> items, int count, int stream) {
        List<T> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(streamSeed(seed, stream)));
        return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }

    /**
     * An independent seed per purpose: SplitMix64's finaliser over seed and stream, so nearby seeds and streams
     * give unrelated {@link Random} sequences.
     */
    static long streamSeed(long seed, int stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
