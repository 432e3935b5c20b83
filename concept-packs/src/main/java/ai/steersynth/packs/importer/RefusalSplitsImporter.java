package ai.steersynth.packs.importer;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.format.PackHashes;
import ai.steersynth.packs.normalise.TextNormaliser;
import ai.steersynth.packs.split.ExampleSplitter;
import ai.steersynth.packs.split.SplitOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Imports the refusal-direction instruction splits ({@code harmful_{train,val,test}.json} and
 * {@code harmless_{train,val,test}.json}, JSON lists of {@code {instruction, category}}): harmful
 * instructions are label 1, harmless ones label 0. The upstream splits are pooled and re-split by
 * the plan, so every pack gets the same train/judge/test semantics.
 *
 * <p>Contrastive pairs: TEXT pairs of a harmful and a harmless instruction from the train split,
 * plus, when {@code caa_refusal_generate_ab.json} is present, its A/B items as AB pairs. In CAA's
 * refusal data the "matching" answer is the refusal; for this concept the violating side is the
 * compliant answer, so the pair's positive is the not-matching letter.
 */
public final class RefusalSplitsImporter {

    public static final String KIND = "refusal-splits";

    /** The A/B file read for extra pairs when it is in the directory. */
    public static final String CAA_REFUSAL_FILE = "caa_refusal_generate_ab.json";

    private static final String[] UPSTREAM_SPLITS = {"train", "val", "test"};

    /** Imports the splits found in {@code directory}; at least one harmful and one harmless file must exist. */
    public ImportResult importPack(
            Path directory, PackMetadata meta, List<String> generationPrompts, PackBuildOptions options) {
        ImportReport report = new ImportReport();
        TextNormaliser normaliser = options.normaliser();
        Map<String, String> sources = new LinkedHashMap<>();
        List<ImportedExample> imported = new ArrayList<>();
        int records = 0;
        for (String kind : List.of("harmful", "harmless")) {
            int filesFound = 0;
            for (String split : UPSTREAM_SPLITS) {
                Path file = directory.resolve(kind + "_" + split + ".json");
                if (Files.isRegularFile(file)) {
                    filesFound++;
                    sources.put(file.getFileName().toString(), PackHashes.sha256Hex(file));
                    records += readInstructions(file, kind.equals("harmful") ? 1 : 0, normaliser, report, imported);
                }
            }
            if (filesFound == 0) {
                throw new ImportException("No " + kind + "_{train,val,test}.json in " + directory);
            }
        }
        PackAssembly.Pool pool = PackAssembly.deduplicate(imported, report);
        SplitOutcome split = ExampleSplitter.split(pool.examples(), options.splitPlan());
        List<ContrastivePair> abPairs = new ArrayList<>();
        Path caa = directory.resolve(CAA_REFUSAL_FILE);
        if (Files.isRegularFile(caa)) {
            sources.put(CAA_REFUSAL_FILE, PackHashes.sha256Hex(caa));
            for (AbItem item : new AbItemReader(normaliser).read(caa, report).items()) {
                abPairs.add(item.pair(false));
            }
        }
        int textPairBudget = Math.max(0, options.maxContrastivePairs() - abPairs.size());
        List<ContrastivePair> pairs = new ArrayList<>(PackAssembly.textPairs(
                split.data().train(), textPairBudget, options.splitPlan().seed()));
        pairs.addAll(abPairs.subList(0, Math.min(abPairs.size(), options.maxContrastivePairs())));
        ConceptPack pack = PackAssembly.finish(meta, pairs, generationPrompts, split.data(), KIND, sources, options);
        // Every instruction becomes one example, so what is not imported was rejected.
        int rejected = records - imported.size();
        return new ImportResult(pack, report, PackAssembly.stats(records, rejected, pool, split));
    }

    /** Adds the file's usable instructions to {@code out}, reports the rest; returns the number of items read. */
    private static int readInstructions(
            Path file, int label, TextNormaliser normaliser, ImportReport report, List<ImportedExample> out) {
        String source = file.getFileName().toString();
        JsonNode items = JsonItems.readList(file);
        for (int i = 0; i < items.size(); i++) {
            String location = JsonItems.location(i);
            JsonNode item = items.get(i);
            if (item == null || !item.isObject()) {
                report.error(source, location, "expected an object {instruction, category}");
                continue;
            }
            String text = PackAssembly.requiredText(
                    JsonItems.string(item, "instruction"), "instruction", normaliser, report, source, location);
            if (text != null) {
                out.add(new ImportedExample(new LabelledExample(null, text, label), source, location));
            }
        }
        return items.size();
    }
}
