package ai.steersynth.trainer.persistence;

/**
 * How a config's generation ended.
 *
 * @param sampleCount the samples published, when it completed
 * @param failureReason why it failed, when it failed
 */
public record GenerationOutcome(Integer sampleCount, String failureReason) {}
