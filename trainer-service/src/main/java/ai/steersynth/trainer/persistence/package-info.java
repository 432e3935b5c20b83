/** SQL over the trainer's {@code training} schema: pack splits, sweeps and configs, samples and judgements, detector runs. */
package ai.steersynth.trainer.persistence;
