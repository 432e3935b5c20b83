/** Kafka listeners and handlers that build the sweep read model from stage events. */
package ai.steersynth.sweep.messaging;
