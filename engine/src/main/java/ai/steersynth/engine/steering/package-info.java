/** Residual-stream hooks: per-row steering injection and activation capture. */
package ai.steersynth.engine.steering;
