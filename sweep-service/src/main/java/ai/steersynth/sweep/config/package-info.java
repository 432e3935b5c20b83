/** Configuration of the sweep service: limits and owned topics. */
package ai.steersynth.sweep.config;
