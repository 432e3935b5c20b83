/** The generator: extracts and caches steering vectors and generates steered and baseline samples for its model. */
package ai.steersynth.generator;
