package ai.steersynth.packs.importer;

import ai.steersynth.packs.split.LabelCounts;
import ai.steersynth.packs.split.SplitCounts;

/**
 * How the detector data of an imported pack reconciles with its sources. For every import: {@code
 * sourceRecords = rejectedRecords + recordsUsed}; {@code imported.total() = duplicatesDropped +
 * conflictingDropped + pooled.total()}; {@code assigned.total() = pooled}; {@code kept} is at most
 * {@code assigned} split by split (class balancing and caps). A/B items give two examples each.
 *
 * @param sourceRecords rows or items read from the sources that feed detector data
 * @param rejectedRecords of those, rejected as malformed (each has an error in the report)
 * @param imported examples the accepted records gave, per label
 * @param duplicatesDropped repeats of an earlier example with the same label, dropped
 * @param conflictingDropped examples whose copies disagree on the label, all dropped
 * @param pooled examples left to split
 * @param assigned per split after the stratified assignment
 * @param kept per split in the pack
 */
public record DetectorDataStats(
        int sourceRecords,
        int rejectedRecords,
        LabelCounts imported,
        int duplicatesDropped,
        int conflictingDropped,
        LabelCounts pooled,
        SplitCounts assigned,
        SplitCounts kept) {

    /** Records that gave examples. */
    public int recordsUsed() {
        return sourceRecords - rejectedRecords;
    }
}
