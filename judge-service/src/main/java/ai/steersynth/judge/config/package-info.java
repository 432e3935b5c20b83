/** Configuration of the judge service: tunables, judge backends and owned topics. */
package ai.steersynth.judge.config;
