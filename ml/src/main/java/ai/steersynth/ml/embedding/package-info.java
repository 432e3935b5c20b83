/** In-process sentence embeddings (all-MiniLM-L6-v2, quantised) used as detector and diversity features. */
package ai.steersynth.ml.embedding;
