/** Outbox publishing, the message log for idempotent consumers, and Kafka error handling. */
package ai.steersynth.platform.messaging;
