/** The metrics service: sample- and set-level diversity of each config's samples. */
package ai.steersynth.metrics;
