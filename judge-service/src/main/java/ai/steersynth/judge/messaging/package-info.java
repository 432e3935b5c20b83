/** Kafka listeners and handlers: packs and sweeps in, samples judged, judgements out. */
package ai.steersynth.judge.messaging;
