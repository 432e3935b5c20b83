/** Kafka listeners, event handlers and the generation loop of the generator service. */
package ai.steersynth.generator.messaging;
