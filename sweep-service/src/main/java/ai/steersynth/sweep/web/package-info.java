/** REST API of the sweep service: models, concept packs, sweeps, reports (JSON and HTML) and dataset exports. */
package ai.steersynth.sweep.web;
