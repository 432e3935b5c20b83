/** Batched generation over the KV cache: left-padded rows, per-row seeded sampling, stop rules. */
package ai.steersynth.engine.generate;
