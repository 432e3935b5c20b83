/** Per-sample and per-config results that travel in events: samples, judgements, diversity, detector runs, HM. */
package ai.steersynth.contracts.result;
