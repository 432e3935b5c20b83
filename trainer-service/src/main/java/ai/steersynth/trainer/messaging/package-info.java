/** Kafka listeners and handlers that gather each config's inputs, start its training when complete, and announce the detector run. */
package ai.steersynth.trainer.messaging;
