/** Configuration of the trainer-service. */
package ai.steersynth.trainer.config;
