/** Steering-vector extraction: contrastive activation collection, the extraction methods, and vector files. */
package ai.steersynth.engine.steering.extract;
