package ai.steersynth.trainer.persistence;

import ai.steersynth.contracts.sweep.SweepSettings;

/**
 * A sweep as the trainer knows it.
 *
 * @param sweepId the sweep id
 * @param settings its stage settings (budget, seed, detector settings)
 * @param cancelled whether it was cancelled
 */
public record SweepRow(String sweepId, SweepSettings settings, boolean cancelled) {}
