/** REST API of the sweep service: models, concept packs, sweeps. */
package ai.steersynth.sweep.web;
