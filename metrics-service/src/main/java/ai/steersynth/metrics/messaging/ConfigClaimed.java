package ai.steersynth.metrics.messaging;

/**
 * An in-process notice that a transaction claimed a config for measurement; {@link DiversityWorker} picks it up
 * once that transaction has committed.
 *
 * @param configId the claimed config
 */
record ConfigClaimed(String configId) {}
