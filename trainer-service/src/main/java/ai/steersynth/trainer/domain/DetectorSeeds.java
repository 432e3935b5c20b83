package ai.steersynth.trainer.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The training seeds of a sweep's detectors. They depend only on the sweep seed and the seed index, never on the
 * config, so seed {@code i} of every config of a sweep (the original-data reference included) draws the same B
 * real negatives: configs differ only in their positives.
 */
public final class DetectorSeeds {

    /** Keeps the detector seeds apart from other seeds derived from the same sweep seed (e.g. per-sample seeds). */
    private static final long DETECTOR_SALT = 0x44657465_63746F72L; // "Detector"

    private DetectorSeeds() {}

    /**
     * {@code count} seeds derived from the sweep seed.
     *
     * @throws IllegalArgumentException if count is below 1
     */
    public static List<Long> derive(long sweepSeed, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("detector seeds must be at least 1, got " + count);
        }
        List<Long> seeds = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            seeds.add(mix(sweepSeed ^ DETECTOR_SALT, index));
        }
        return List.copyOf(seeds);
    }

    /** SplitMix64's finaliser over seed and index: nearby inputs give unrelated outputs. */
    private static long mix(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
