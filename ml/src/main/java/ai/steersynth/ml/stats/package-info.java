/** Rank statistics for sweep reports: Spearman correlation with a paired bootstrap interval. */
package ai.steersynth.ml.stats;
