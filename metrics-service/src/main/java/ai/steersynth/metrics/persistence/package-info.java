/** SQL of the metrics schema: sweeps, configs and samples as the events told them, and diversity reports. */
package ai.steersynth.metrics.persistence;
