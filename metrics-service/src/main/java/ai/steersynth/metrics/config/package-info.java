/** Configuration of the metrics service: tunables, the embedder, the measurement pool and owned topics. */
package ai.steersynth.metrics.config;
