/** The Spring-free core of the sweep service: grid expansion, lifecycle states and the sweep report. */
package ai.steersynth.sweep.domain;
