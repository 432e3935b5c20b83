package ai.steersynth.contracts.sweep;

/**
 * Stage settings of a sweep, sent to every stage in {@code SweepCreated}.
 *
 * @param samplesPerConfig samples generated per config; also the detector budget (positives replaced)
 * @param seed the sweep's base seed; per-sample seeds derive from it
 * @param decoding sampling settings
 * @param judge the judge backend
 * @param detector detector settings
 * @param mattrWindow the MATTR window of the diversity metrics
 */
public record SweepSettings(
        int samplesPerConfig,
        long seed,
        DecodingSettings decoding,
        JudgeSettings judge,
        DetectorSettings detector,
        int mattrWindow) {}
