package ai.steersynth.packs.importer;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
import ai.steersynth.contracts.pack.DetectorData;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.contracts.pack.PackProvenance;
import ai.steersynth.packs.format.PackHashes;
import ai.steersynth.packs.normalise.PackNormaliser;
import ai.steersynth.packs.normalise.TextNormaliser;
import ai.steersynth.packs.split.Deduplicator;
import ai.steersynth.packs.split.LabelCounts;
import ai.steersynth.packs.split.SplitOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The steps every importer shares: text checks, de-duplication with warnings, pairs, finishing. */
final class PackAssembly {

    private PackAssembly() {}

    /**
     * Examples left after de-duplication, with the counts needed for {@link DetectorDataStats}.
     *
     * @param examples the examples to split
     * @param imported examples before de-duplication, per label
     * @param duplicates repeats dropped
     * @param conflicting examples dropped for disagreeing labels
     */
    record Pool(List<LabelledExample> examples, LabelCounts imported, int duplicates, int conflicting) {}

    /**
     * Normalises a required text; reports an error and returns {@code null} when it is missing or
     * blank, and a warning when it had to be cut.
     */
    static String requiredText(
            String raw, String what, TextNormaliser normaliser, ImportReport report, String source, String location) {
        String text = normaliser.normalise(raw);
        if (text == null || text.isBlank()) {
            report.error(source, location, what + " is missing, not a string, or blank");
            return null;
        }
        if (normaliser.wouldCut(raw)) {
            report.warning(
                    source,
                    location,
                    what + " is longer than " + normaliser.maxTextLength() + " characters and was cut");
        }
        return text;
    }

    /** Drops repeated examples, reporting each with the location of the copy it repeats. */
    static Pool deduplicate(List<ImportedExample> imported, ImportReport report) {
        List<LabelledExample> examples =
                imported.stream().map(ImportedExample::example).toList();
        Deduplicator.Result result = Deduplicator.deduplicate(examples);
        for (Deduplicator.Dropped dropped : result.dropped()) {
            ImportedExample copy = imported.get(dropped.index());
            ImportedExample first = imported.get(dropped.firstIndex());
            String where = first.location() + (first.source().equals(copy.source()) ? "" : " of " + first.source());
            String message = dropped.conflictingLabel()
                    ? "same text as " + where + " but the copies disagree on the label; every copy dropped"
                    : "duplicate of " + where + "; dropped";
            report.warning(copy.source(), copy.location(), message);
        }
        return new Pool(result.kept(), LabelCounts.of(examples), result.duplicates(), result.conflicting());
    }

    /**
     * TEXT pairs of a violating and a non-violating text from the train split, paired at random
     * (seeded), as many as the smaller class allows up to {@code max}.
     */
    static List<ContrastivePair> textPairs(List<LabelledExample> train, int max, long seed) {
        List<String> violating = new ArrayList<>();
        List<String> notViolating = new ArrayList<>();
        for (LabelledExample e : train) {
            (e.label() == 1 ? violating : notViolating).add(e.text());
        }
        Random random = new Random(seed);
        Collections.shuffle(violating, random);
        Collections.shuffle(notViolating, random);
        int count = Math.min(max, Math.min(violating.size(), notViolating.size()));
        List<ContrastivePair> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pairs.add(new ContrastivePair(PairKind.TEXT, "", violating.get(i), notViolating.get(i)));
        }
        return pairs;
    }

    static DetectorDataStats stats(int sourceRecords, int rejectedRecords, Pool pool, SplitOutcome split) {
        return new DetectorDataStats(
                sourceRecords,
                rejectedRecords,
                pool.imported(),
                pool.duplicates(),
                pool.conflicting(),
                LabelCounts.of(pool.examples()),
                split.assigned(),
                split.kept());
    }

    /** Builds the pack, normalises every text in it and sets the content hash. */
    static ConceptPack finish(
            PackMetadata meta,
            List<ContrastivePair> pairs,
            List<String> generationPrompts,
            DetectorData data,
            String importer,
            Map<String, String> sources,
            PackBuildOptions options) {
        TextNormaliser normaliser = options.normaliser();
        PackProvenance provenance = new PackProvenance(
                importer, sources, meta.licence(), options.splitPlan().seed(), normaliser.description(), null);
        ConceptPack pack = new ConceptPack(
                meta.id(),
                meta.name(),
                meta.definition(),
                meta.promptingInstruction(),
                pairs,
                generationPrompts,
                data,
                provenance);
        return PackHashes.withContentHash(new PackNormaliser(normaliser).normalise(pack));
    }
}
