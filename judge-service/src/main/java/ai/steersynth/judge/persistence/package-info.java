/** SQL of the judging schema: packs, sweeps, judgements, the judgement cache and validity reports. */
package ai.steersynth.judge.persistence;
