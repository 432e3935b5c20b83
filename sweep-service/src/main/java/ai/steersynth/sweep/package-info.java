/** The sweep service: the control plane of SteerSynth. */
package ai.steersynth.sweep;
