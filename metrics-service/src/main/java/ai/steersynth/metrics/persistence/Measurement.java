package ai.steersynth.metrics.persistence;

/**
 * One measurement run of a claimed config: what the run needs to read the samples and measure them.
 *
 * @param configId the config
 * @param sweepId its sweep
 * @param sampleCount the samples the generator published for it, all stored
 * @param mattrWindow the sweep's MATTR window
 * @param attempt this run's number, from 1
 */
public record Measurement(String configId, String sweepId, int sampleCount, int mattrWindow, int attempt) {}
