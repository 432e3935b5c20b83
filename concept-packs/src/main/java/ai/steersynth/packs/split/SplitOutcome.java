package ai.steersynth.packs.split;

import ai.steersynth.contracts.pack.DetectorData;

/**
 * A split and how it came about, so counts reconcile: {@code assigned} totals the input pool;
 * {@code kept} is what remains after class balancing and caps.
 *
 * @param data the split examples
 * @param assigned counts per split after the stratified assignment, before balancing and caps
 * @param kept counts per split in {@code data}
 */
public record SplitOutcome(DetectorData data, SplitCounts assigned, SplitCounts kept) {}
