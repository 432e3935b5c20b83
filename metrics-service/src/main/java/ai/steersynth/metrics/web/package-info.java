/** REST API of the metrics service: a config's stored diversity report. */
package ai.steersynth.metrics.web;
