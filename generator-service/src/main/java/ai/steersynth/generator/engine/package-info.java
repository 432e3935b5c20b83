/** Adapters from the generator's domain to the in-JVM engine: loaded models, batched generation, vectors. */
package ai.steersynth.generator.engine;
