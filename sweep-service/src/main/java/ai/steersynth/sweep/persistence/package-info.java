/** SQL of the sweep schema: models, concept packs, sweeps, configs and their samples. */
package ai.steersynth.sweep.persistence;
