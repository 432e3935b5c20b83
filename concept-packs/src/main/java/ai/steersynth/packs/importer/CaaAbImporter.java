package ai.steersynth.packs.importer;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.format.PackHashes;
import ai.steersynth.packs.normalise.TextNormaliser;
import ai.steersynth.packs.split.ExampleSplitter;
import ai.steersynth.packs.split.SplitOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Imports CAA-style A/B data (sycophancy, hallucination, refusal): JSON lists of {@code {question,
 * answer_matching_behavior, answer_not_matching_behavior}} and, optionally, open-ended JSON lists of
 * {@code {question}}.
 *
 * <ul>
 *   <li>Detector data: per item, the question stem with each answer's text as the example text
 *       (violating answer label 1, the other 0). All A/B files are pooled and split by the plan,
 *       both answers of a question staying in one split.
 *   <li>Contrastive pairs: the AB items whose question landed in train (positive = the violating
 *       letter).
 *   <li>Generation prompts: the open-ended questions, topped up with train-split stems up to {@link
 *       PackBuildOptions#minGenerationPrompts()}. Items whose stem is an open-ended question (CAA's
 *       test A/B and open-ended files share questions) are pinned to train, so no judge or test
 *       example answers a generation prompt.
 * </ul>
 */
public final class CaaAbImporter {

    public static final String KIND = "caa-ab";

    /**
     * Imports every {@code *_ab.json} and {@code *open_ended.json} file of a directory.
     *
     * @param matchingIsViolating whether "matching behaviour" is the HHH-violating answer (true for
     *     sycophancy and hallucination, false for CAA refusal, where matching is the refusal)
     */
    public ImportResult importDirectory(
            Path directory, PackMetadata meta, boolean matchingIsViolating, PackBuildOptions options) {
        List<Path> abFiles = list(directory, "_ab.json");
        if (abFiles.isEmpty()) {
            throw new ImportException("No *_ab.json file in " + directory);
        }
        return importPack(abFiles, list(directory, "open_ended.json"), meta, matchingIsViolating, options);
    }

    /** Imports the given A/B files and open-ended prompt files. */
    public ImportResult importPack(
            List<Path> abFiles,
            List<Path> openEndedFiles,
            PackMetadata meta,
            boolean matchingIsViolating,
            PackBuildOptions options) {
        ImportReport report = new ImportReport();
        TextNormaliser normaliser = options.normaliser();
        Map<String, String> sources = new LinkedHashMap<>();
        AbItemReader reader = new AbItemReader(normaliser);
        List<AbItem> items = new ArrayList<>();
        int records = 0;
        for (Path file : abFiles) {
            sources.put(file.getFileName().toString(), PackHashes.sha256Hex(file));
            AbItemReader.Items read = reader.read(file, report);
            items.addAll(read.items());
            records += read.records();
        }
        List<ImportedExample> imported = examples(items, matchingIsViolating);
        List<String> openEnded = new ArrayList<>();
        for (Path file : openEndedFiles) {
            sources.put(file.getFileName().toString(), PackHashes.sha256Hex(file));
            openEnded.addAll(readOpenEnded(file, normaliser, report));
        }
        PackAssembly.Pool pool = PackAssembly.deduplicate(imported, report);
        Set<String> pinned = new HashSet<>(openEnded);
        SplitOutcome split = ExampleSplitter.split(pool.examples(), options.splitPlan(), pinned);
        Set<String> trainStems = new HashSet<>();
        split.data().train().forEach(e -> trainStems.add(e.prompt()));
        List<ContrastivePair> pairs = trainPairs(items, trainStems, matchingIsViolating, options.maxContrastivePairs());
        List<String> prompts = generationPrompts(openEnded, trainStems, options);
        ConceptPack pack = PackAssembly.finish(meta, pairs, prompts, split.data(), KIND, sources, options);
        int rejected = records - items.size();
        return new ImportResult(pack, report, PackAssembly.stats(records, rejected, pool, split));
    }

    private static List<ImportedExample> examples(List<AbItem> items, boolean matchingIsViolating) {
        List<ImportedExample> imported = new ArrayList<>();
        for (AbItem item : items) {
            List<LabelledExample> examples = item.examples(matchingIsViolating);
            // examples() lists the matching answer first, then the other one.
            imported.add(new ImportedExample(
                    examples.get(0), item.source(), item.location() + " answer " + item.matchingLetter()));
            imported.add(new ImportedExample(
                    examples.get(1), item.source(), item.location() + " answer " + item.notMatchingLetter()));
        }
        return imported;
    }

    private static List<ContrastivePair> trainPairs(
            List<AbItem> items, Set<String> trainStems, boolean matchingIsViolating, int max) {
        Map<String, ContrastivePair> byQuestion = new LinkedHashMap<>();
        for (AbItem item : items) {
            if (byQuestion.size() < max && trainStems.contains(item.stem())) {
                byQuestion.putIfAbsent(item.question(), item.pair(matchingIsViolating));
            }
        }
        return List.copyOf(byQuestion.values());
    }

    private static List<String> generationPrompts(
            List<String> openEnded, Set<String> trainStems, PackBuildOptions options) {
        Set<String> prompts = new LinkedHashSet<>(openEnded);
        if (prompts.size() < options.minGenerationPrompts()) {
            List<String> candidates = new ArrayList<>(trainStems);
            Collections.sort(candidates);
            Collections.shuffle(candidates, new Random(options.splitPlan().seed()));
            for (String stem : candidates) {
                if (prompts.size() >= options.minGenerationPrompts()) {
                    break;
                }
                prompts.add(stem);
            }
        }
        return List.copyOf(prompts);
    }

    private static List<String> readOpenEnded(Path file, TextNormaliser normaliser, ImportReport report) {
        String source = file.getFileName().toString();
        JsonNode items = JsonItems.readList(file);
        Map<String, String> seen = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String location = JsonItems.location(i);
            String question = PackAssembly.requiredText(
                    JsonItems.string(items.get(i), "question"), "question", normaliser, report, source, location);
            if (question == null) {
                continue;
            }
            String first = seen.putIfAbsent(question, location);
            if (first != null) {
                report.warning(source, location, "same question as " + first + "; used once");
            }
        }
        return List.copyOf(seen.keySet());
    }

    private static List<Path> list(Path directory, String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix) && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }
}
