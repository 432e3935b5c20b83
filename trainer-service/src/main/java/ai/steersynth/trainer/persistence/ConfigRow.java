package ai.steersynth.trainer.persistence;

import ai.steersynth.contracts.sweep.ConfigKind;

/**
 * A config's training state.
 *
 * @param configId the config id
 * @param sweepId its sweep
 * @param kind steered, prompting baseline or original data
 * @param conceptId the concept pack id
 * @param modelId the model the config generates with (from its spec), or {@code null}
 * @param packContentHash the pack version it trains on, or {@code null} until one is known
 * @param status where its training stands
 * @param attempts how often training was started (more than 1 only after a restart mid-training)
 */
public record ConfigRow(
        String configId,
        String sweepId,
        ConfigKind kind,
        String conceptId,
        String modelId,
        String packContentHash,
        TrainingStatus status,
        int attempts) {}
