/** Topic names and the contracts shared by every SteerSynth service. */
package ai.steersynth.contracts;
