/** Event records, one sealed interface per topic, and their JSON codec. */
package ai.steersynth.contracts.event;
