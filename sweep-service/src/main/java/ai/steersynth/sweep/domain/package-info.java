/** The Spring-free core of the sweep service: grid expansion and lifecycle states. */
package ai.steersynth.sweep.domain;
