/** Sweep vocabulary shared by all services: configs, methods, settings. */
package ai.steersynth.contracts.sweep;
