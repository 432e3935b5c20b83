/** SQL of the sweep schema: models, concept packs, sweeps and configs. */
package ai.steersynth.sweep.persistence;
