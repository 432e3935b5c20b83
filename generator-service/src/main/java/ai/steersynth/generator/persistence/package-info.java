/** SQL of the generation schema: packs, tasks, samples and the steering-vector cache. */
package ai.steersynth.generator.persistence;
