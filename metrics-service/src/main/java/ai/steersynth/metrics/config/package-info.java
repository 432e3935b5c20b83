/** Configuration of the metrics-service. */
package ai.steersynth.metrics.config;
