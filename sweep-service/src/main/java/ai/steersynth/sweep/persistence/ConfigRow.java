package ai.steersynth.sweep.persistence;

import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.sweep.domain.StageState;

/**
 * A stored config with its stage progress; JSON columns are kept as text. {@code modelSource} and
 * {@code packContentHash} record what the config was submitted against (null for sweeps stored
 * before they were kept).
 */
public record ConfigRow(
        ConfigSpec spec,
        int ordinal,
        int samplesRequested,
        int samplesGenerated,
        StageState generationState,
        int samplesJudged,
        int judgementsFailed,
        double successSum,
        double coherenceSum,
        String diversityReportJson,
        String detectorRunJson,
        StageState trainingState,
        String error,
        String modelSource,
        String packContentHash) {}
