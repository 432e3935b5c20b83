package ai.steersynth.engine.steering.extract;

import java.util.List;

/**
 * Settings of an extraction; every field has a default ({@link #defaults()}).
 *
 * @param seed seeds every random choice (the pair subsample, the probe's held-out and validation
 *     splits), so an extraction is reproducible
 * @param maxPairs use at most this many pairs of a pack, a seeded sample kept in pack order; 0 = all
 * @param probeHeldOutFraction LINEAR_PROBE: share of pairs held out to measure accuracy, in (0, 1)
 * @param probeCGrid LINEAR_PROBE: candidate inverse regularisation strengths, chosen on a validation
 *     part of the training pairs
 * @param actAddPairIndex ACTADD: which collected pair to use
 * @param batchSize sequences per forward pass when collecting activations
 */
public record ExtractionOptions(
        long seed,
        int maxPairs,
        double probeHeldOutFraction,
        List<Double> probeCGrid,
        int actAddPairIndex,
        int batchSize) {

    /** C from 10^-3 to 10^2, one per decade. */
    public static final List<Double> DEFAULT_C_GRID = List.of(0.001, 0.01, 0.1, 1.0, 10.0, 100.0);

    public ExtractionOptions {
        if (maxPairs < 0) {
            throw new IllegalArgumentException("maxPairs must be >= 0, was " + maxPairs);
        }
        if (!(probeHeldOutFraction > 0 && probeHeldOutFraction < 1)) {
            throw new IllegalArgumentException("probeHeldOutFraction must be in (0, 1), was " + probeHeldOutFraction);
        }
        probeCGrid = List.copyOf(probeCGrid);
        if (probeCGrid.isEmpty()) {
            throw new IllegalArgumentException("probeCGrid must not be empty");
        }
        if (actAddPairIndex < 0) {
            throw new IllegalArgumentException("actAddPairIndex must be >= 0, was " + actAddPairIndex);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
    }

    /** Seed 42, all pairs, a fifth held out for the probe, the default C grid, the first pair for ActAdd, batch 16. */
    public static ExtractionOptions defaults() {
        return new ExtractionOptions(42, 0, 0.2, DEFAULT_C_GRID, 0, 16);
    }

    public ExtractionOptions withSeed(long newSeed) {
        return new ExtractionOptions(newSeed, maxPairs, probeHeldOutFraction, probeCGrid, actAddPairIndex, batchSize);
    }

    public ExtractionOptions withMaxPairs(int newMaxPairs) {
        return new ExtractionOptions(seed, newMaxPairs, probeHeldOutFraction, probeCGrid, actAddPairIndex, batchSize);
    }

    public ExtractionOptions withActAddPairIndex(int index) {
        return new ExtractionOptions(seed, maxPairs, probeHeldOutFraction, probeCGrid, index, batchSize);
    }

    public ExtractionOptions withBatchSize(int newBatchSize) {
        return new ExtractionOptions(seed, maxPairs, probeHeldOutFraction, probeCGrid, actAddPairIndex, newBatchSize);
    }
}
