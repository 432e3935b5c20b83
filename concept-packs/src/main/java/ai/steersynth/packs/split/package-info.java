/** Seeded stratified train/judge/test splits, de-duplication, class balancing and per-split caps. */
package ai.steersynth.packs.split;
