/** The trainer's Spring-free core: detector training-set composition, detectors, and their evaluation on the real test split. */
package ai.steersynth.trainer.domain;
