/** Kafka listeners and handlers that collect each config's samples, and the worker that measures and reports them. */
package ai.steersynth.metrics.messaging;
