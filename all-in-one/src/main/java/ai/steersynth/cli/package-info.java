/** The steersynth command-line launcher. */
package ai.steersynth.cli;
