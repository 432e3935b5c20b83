/** The Spring-free core of the generator: what to generate for a config, with which seeds and prompts. */
package ai.steersynth.generator.domain;
