/** The judge: scores every sample for steering success and coherence. */
package ai.steersynth.judge;
