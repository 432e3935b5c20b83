package ai.steersynth.packs.importer;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.format.PackHashes;
import ai.steersynth.packs.importer.CsvReader.CsvRecord;
import ai.steersynth.packs.normalise.TextNormaliser;
import ai.steersynth.packs.split.ExampleSplitter;
import ai.steersynth.packs.split.SplitOutcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports plain labelled data for any concept: JSONL ({@code .jsonl}, {@code .ndjson}; one {@code
 * {"text": ..., "label": 0|1, "prompt": ...}} per line, prompt optional) or CSV ({@code .csv} with a
 * header naming {@code text}, {@code label} and optionally {@code prompt}). Label 1 = violating.
 *
 * <p>Contrastive pairs are TEXT pairs from the train split. Generation prompts are the ones given,
 * or, when none are given, the distinct prompts of the train split.
 */
public final class LabelledImporter {

    public static final String KIND = "labelled";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the rows of a file gave: accepted examples and how many rows were read and rejected. */
    public record Rows(List<ImportedExample> examples, int records, int rejected) {}

    public ImportResult importPack(
            Path file, PackMetadata meta, List<String> generationPrompts, PackBuildOptions options) {
        ImportReport report = new ImportReport();
        String source = file.getFileName().toString();
        Rows rows;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = isCsv(file)
                    ? readCsv(reader, source, options.normaliser(), report)
                    : readJsonl(reader, source, options.normaliser(), report);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        PackAssembly.Pool pool = PackAssembly.deduplicate(rows.examples(), report);
        SplitOutcome split =
                ExampleSplitter.split(pool.examples(), options.splitPlan(), new HashSet<>(generationPrompts));
        List<ContrastivePair> pairs = PackAssembly.textPairs(
                split.data().train(),
                options.maxContrastivePairs(),
                options.splitPlan().seed());
        List<String> prompts =
                generationPrompts.isEmpty() ? trainPrompts(split.data().train()) : generationPrompts;
        ConceptPack pack = PackAssembly.finish(
                meta, pairs, prompts, split.data(), KIND, Map.of(source, PackHashes.sha256Hex(file)), options);
        return new ImportResult(pack, report, PackAssembly.stats(rows.records(), rows.rejected(), pool, split));
    }

    private static boolean isCsv(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return true;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return false;
        }
        throw new ImportException("Cannot tell the format of " + file + ": name it .csv, .jsonl or .ndjson");
    }

    private static List<String> trainPrompts(List<LabelledExample> train) {
        LinkedHashSet<String> prompts = new LinkedHashSet<>();
        for (LabelledExample e : train) {
            if (e.prompt() != null && !e.prompt().isBlank()) {
                prompts.add(e.prompt());
            }
        }
        return List.copyOf(prompts);
    }

    /** Reads JSONL rows; every rejected line gets an error naming its line number. */
    public Rows readJsonl(Reader jsonl, String source, TextNormaliser normaliser, ImportReport report) {
        List<ImportedExample> examples = new ArrayList<>();
        int records = 0;
        int rejected = 0;
        BufferedReader reader = new BufferedReader(jsonl);
        try {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                records++;
                ImportedExample example = fromJsonLine(line, source, "line " + lineNumber, normaliser, report);
                if (example == null) {
                    rejected++;
                } else {
                    examples.add(example);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        return new Rows(examples, records, rejected);
    }

    private static ImportedExample fromJsonLine(
            String line, String source, String location, TextNormaliser normaliser, ImportReport report) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            report.error(source, location, "not valid JSON: " + e.getOriginalMessage());
            return null;
        }
        if (node == null || !node.isObject()) {
            report.error(source, location, "expected a JSON object {\"text\", \"label\", \"prompt\"}");
            return null;
        }
        JsonNode labelNode = node.get("label");
        String label =
                labelNode == null ? null : labelNode.isIntegralNumber() ? labelNode.asString() : labelNode.toString();
        return example(
                JsonItems.string(node, "text"), label, optionalPrompt(node), source, location, normaliser, report);
    }

    private static String optionalPrompt(JsonNode node) {
        JsonNode prompt = node.get("prompt");
        return prompt != null && prompt.isString() ? prompt.stringValue() : null;
    }

    /** Reads CSV rows with a header naming text, label and optionally prompt. */
    public Rows readCsv(Reader csv, String source, TextNormaliser normaliser, ImportReport report) {
        try (CsvReader reader = new CsvReader(csv)) {
            CsvRecord header = reader.next();
            int text = header == null ? -1 : header.fields().indexOf("text");
            int label = header == null ? -1 : header.fields().indexOf("label");
            if (header == null || header.malformed() || text < 0 || label < 0) {
                throw new ImportException(source + ": the CSV header must name the columns text and label"
                        + " (and optionally prompt), found " + (header == null ? "an empty file" : header.fields()));
            }
            int prompt = header.fields().indexOf("prompt");
            List<ImportedExample> examples = new ArrayList<>();
            int records = 0;
            int rejected = 0;
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                records++;
                String location = "row " + (record.number() - 1) + " (line " + record.line() + ")";
                ImportedExample example = null;
                if (record.malformed()) {
                    report.error(source, location, "malformed CSV: " + record.error());
                } else if (record.fields().size() != header.fields().size()) {
                    report.error(
                            source,
                            location,
                            "expected " + header.fields().size() + " fields, found "
                                    + record.fields().size());
                } else {
                    String promptText = prompt < 0 ? null : record.fields().get(prompt);
                    example = example(
                            record.fields().get(text),
                            record.fields().get(label),
                            promptText,
                            source,
                            location,
                            normaliser,
                            report);
                }
                if (example == null) {
                    rejected++;
                } else {
                    examples.add(example);
                }
            }
            return new Rows(examples, records, rejected);
        }
    }

    private static ImportedExample example(
            String rawText,
            String rawLabel,
            String rawPrompt,
            String source,
            String location,
            TextNormaliser normaliser,
            ImportReport report) {
        String labelText = rawLabel == null ? "" : rawLabel.trim();
        if (!labelText.equals("0") && !labelText.equals("1")) {
            report.error(
                    source,
                    location,
                    "label must be 1 (violating) or 0 (not violating), found "
                            + (rawLabel == null ? "nothing" : "'" + rawLabel + "'"));
            return null;
        }
        String text = PackAssembly.requiredText(rawText, "text", normaliser, report, source, location);
        if (text == null) {
            return null;
        }
        String prompt = rawPrompt == null || rawPrompt.isBlank() ? null : normaliser.normalise(rawPrompt);
        return new ImportedExample(new LabelledExample(prompt, text, Integer.parseInt(labelText)), source, location);
    }
}
