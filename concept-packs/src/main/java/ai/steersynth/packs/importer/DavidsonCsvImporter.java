package ai.steersynth.packs.importer;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.format.PackHashes;
import ai.steersynth.packs.importer.CsvReader.CsvRecord;
import ai.steersynth.packs.normalise.TextNormaliser;
import ai.steersynth.packs.split.ExampleSplitter;
import ai.steersynth.packs.split.SplitOutcome;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports the Davidson et al. hate-speech CSV ({@code index,count,hate_speech,offensive_language,
 * neither,class,tweet}): class 0 (hate) and 1 (offensive) become label 1, class 2 (neither) label 0.
 * Columns are found by header name, so extra or reordered columns are fine. HTML entities that the
 * Twitter export left in the tweets ({@code &amp;}, {@code &#128514;}) are decoded, so a detector
 * cannot tell real tweets from generated ones by entity syntax alone.
 *
 * <p>Contrastive pairs are TEXT pairs of a toxic and a non-toxic tweet from the train split.
 */
public final class DavidsonCsvImporter {

    /** The importer kind recorded in provenance and used by the CLI. */
    public static final String KIND = "davidson-csv";

    /**
     * Imports a Davidson CSV file into a pack.
     *
     * @param generationPrompts the pack's generation prompts, e.g. {@link GenerationPrompts#SOCIAL_MEDIA}
     */
    public ImportResult importPack(
            Path csv, PackMetadata meta, List<String> generationPrompts, PackBuildOptions options) {
        ImportReport report = new ImportReport();
        String source = csv.getFileName().toString();
        Rows rows;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            rows = readExamples(reader, source, options.normaliser(), report);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + csv, e);
        }
        PackAssembly.Pool pool = PackAssembly.deduplicate(rows.examples(), report);
        SplitOutcome split = ExampleSplitter.split(pool.examples(), options.splitPlan());
        List<ContrastivePair> pairs = PackAssembly.textPairs(
                split.data().train(),
                options.maxContrastivePairs(),
                options.splitPlan().seed());
        ConceptPack pack = PackAssembly.finish(
                meta, pairs, generationPrompts, split.data(), KIND, Map.of(source, PackHashes.sha256Hex(csv)), options);
        return new ImportResult(pack, report, PackAssembly.stats(rows.records(), rows.rejected(), pool, split));
    }

    /**
     * The rows of a Davidson CSV read as examples.
     *
     * @param examples one per accepted row, text normalised
     * @param records data rows read (header excluded)
     * @param rejected rows rejected with an error in the report
     */
    public record Rows(List<ImportedExample> examples, int records, int rejected) {}

    /** Reads the examples of a Davidson CSV; every rejected row gets an error naming its row and line. */
    public Rows readExamples(Reader csv, String source, TextNormaliser normaliser, ImportReport report) {
        try (CsvReader reader = new CsvReader(csv)) {
            CsvRecord header = reader.next();
            if (header == null) {
                throw new ImportException(source + " is empty; expected a header with columns class and tweet");
            }
            int classColumn = header.fields().indexOf("class");
            int tweetColumn = header.fields().indexOf("tweet");
            if (header.malformed() || classColumn < 0 || tweetColumn < 0) {
                throw new ImportException(source + " does not look like the Davidson CSV: the header must name the"
                        + " columns class and tweet, found " + header.fields());
            }
            List<ImportedExample> examples = new ArrayList<>();
            int records = 0;
            int rejected = 0;
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                records++;
                String location = "row " + (record.number() - 1) + " (line " + record.line() + ")";
                ImportedExample example = toExample(
                        record, header.fields().size(), classColumn, tweetColumn, normaliser, report, source, location);
                if (example == null) {
                    rejected++;
                } else {
                    examples.add(example);
                }
            }
            return new Rows(examples, records, rejected);
        }
    }

    private static ImportedExample toExample(
            CsvRecord record,
            int columns,
            int classColumn,
            int tweetColumn,
            TextNormaliser normaliser,
            ImportReport report,
            String source,
            String location) {
        if (record.malformed()) {
            report.error(source, location, "malformed CSV: " + record.error());
            return null;
        }
        if (record.blank()) {
            report.error(source, location, "empty line");
            return null;
        }
        if (record.fields().size() != columns) {
            report.error(
                    source,
                    location,
                    "expected " + columns + " fields, found " + record.fields().size());
            return null;
        }
        String tweetClass = record.fields().get(classColumn).trim();
        int label;
        switch (tweetClass) {
            case "0", "1" -> label = 1;
            case "2" -> label = 0;
            default -> {
                report.error(
                        source,
                        location,
                        "class must be 0 (hate), 1 (offensive) or 2 (neither), found '" + tweetClass + "'");
                return null;
            }
        }
        String text = PackAssembly.requiredText(
                HtmlEntities.decode(record.fields().get(tweetColumn)), "tweet", normaliser, report, source, location);
        return text == null ? null : new ImportedExample(new LabelledExample(null, text, label), source, location);
    }
}
