/** Configuration of the judge-service. */
package ai.steersynth.judge.config;
