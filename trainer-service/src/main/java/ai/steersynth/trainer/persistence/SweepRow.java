package ai.steersynth.trainer.persistence;

import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.contracts.sweep.SweepSettings;
import java.util.Map;

/**
 * A sweep as the trainer knows it.
 *
 * @param sweepId the sweep id
 * @param settings its stage settings (budget, seed, detector settings)
 * @param cancelled whether it was cancelled
 * @param modelSources where each model the configs name lives, by model id (empty for sweeps stored before the
 *     trainer kept them)
 */
public record SweepRow(
        String sweepId, SweepSettings settings, boolean cancelled, Map<String, ModelSource> modelSources) {

    public SweepRow {
        modelSources = Map.copyOf(modelSources);
    }
}
