/** The demo command: the main job, end to end on the embedded stack. */
package ai.steersynth.cli.demo;
