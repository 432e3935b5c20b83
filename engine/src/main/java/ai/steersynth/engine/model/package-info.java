/** Model configuration and the per-family forward pass. */
package ai.steersynth.engine.model;
