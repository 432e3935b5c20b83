/** Configuration of the generator-service. */
package ai.steersynth.generator.config;
