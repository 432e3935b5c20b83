package ai.steersynth.packs.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
import ai.steersynth.contracts.pack.DetectorData;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.ExampleKey;
import ai.steersynth.packs.format.PackHashes;
import ai.steersynth.packs.format.PackJson;
import ai.steersynth.packs.importer.DavidsonCsvImporter;
import ai.steersynth.packs.importer.DetectorDataStats;
import ai.steersynth.packs.importer.ImportReport;
import ai.steersynth.packs.importer.ImportResult;
import ai.steersynth.packs.importer.ImportedExample;
import ai.steersynth.packs.normalise.TextNormaliser;
import ai.steersynth.packs.split.LabelCounts;
import ai.steersynth.packs.split.SplitCounts;
import ai.steersynth.packs.validation.PackValidator;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the four default packs from the team's shared data folder and checks them against the
 * source files (counts from {@code SOURCES.md}, duplicates counted here independently). Skipped
 * when the data is not there.
 */
class DefaultPacksSharedDataTest {

    private static Path data;
    private static Map<String, ImportResult> packs;

    @BeforeAll
    static void buildPacks() {
        data = SharedData.find().orElse(null);
        if (data == null) {
            return;
        }
        packs = DefaultPacks.buildAll(data);
        packs.forEach((id, r) -> System.out.printf(
                "%s: %s; pairs %d, generation prompts %d, import issues %d%n",
                id,
                r.stats(),
                r.pack().contrastivePairs().size(),
                r.pack().generationPrompts().size(),
                r.report().issues().size()));
    }

    @BeforeEach
    void requireSharedData() {
        assumeTrue(
                data != null,
                "Shared data folder not found: set STEERSYNTH_SHARED_DATA or place shared/data above the working"
                        + " directory; skipping the default-pack build test");
    }

    private static List<LabelledExample> all(DetectorData d) {
        return Stream.of(d.train(), d.judge(), d.test()).flatMap(List::stream).toList();
    }

    /** Repeats among the examples, counted with a plain map rather than the library's Deduplicator. */
    private static int[] duplicatesAndConflicts(List<LabelledExample> examples) {
        Map<ExampleKey, Set<Integer>> labels = new HashMap<>();
        Map<ExampleKey, Integer> copies = new HashMap<>();
        for (LabelledExample e : examples) {
            labels.computeIfAbsent(ExampleKey.of(e), k -> new HashSet<>()).add(e.label());
            copies.merge(ExampleKey.of(e), 1, Integer::sum);
        }
        int duplicates = 0;
        int conflicting = 0;
        for (Map.Entry<ExampleKey, Integer> entry : copies.entrySet()) {
            if (labels.get(entry.getKey()).size() > 1) {
                conflicting += entry.getValue();
            } else {
                duplicates += entry.getValue() - 1;
            }
        }
        return new int[] {duplicates, conflicting};
    }

    private static void assertReconciles(DetectorDataStats s, ConceptPack pack) {
        assertThat(s.imported().total())
                .isEqualTo(s.duplicatesDropped()
                        + s.conflictingDropped()
                        + s.pooled().total());
        assertThat(s.assigned().total()).isEqualTo(s.pooled());
        assertThat(s.kept()).isEqualTo(SplitCounts.of(pack.detectorData()));
        assertThat(s.kept().train().violating())
                .isLessThanOrEqualTo(s.assigned().train().violating());
        assertThat(s.kept().train().notViolating())
                .isLessThanOrEqualTo(s.assigned().train().notViolating());
        assertThat(s.kept().test().total())
                .isLessThanOrEqualTo(s.assigned().test().total());
        assertThat(s.kept().judge().total())
                .isLessThanOrEqualTo(s.assigned().judge().total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"toxicity", "harmful-requests", "sycophancy", "hallucination"})
    void everyDefaultPackIsValidAndHashed(String id) {
        ConceptPack pack = packs.get(id).pack();
        assertThat(new PackValidator().validate(pack)).isEmpty();
        assertThat(pack.provenance().contentHash()).isEqualTo(PackHashes.contentHash(pack));
        assertThat(pack.provenance().sources().values())
                .hasSameElementsAs(DefaultPacks.get(id).sources().stream()
                        .map(SourceFile::sha256)
                        .toList());
        assertReconciles(packs.get(id).stats(), pack);
    }

    @ParameterizedTest
    @ValueSource(strings = {"toxicity", "harmful-requests", "sycophancy", "hallucination"})
    void noTextIsInTwoSplitsAndNoGenerationPromptIsAJudgeOrTestPrompt(String id) {
        DetectorData d = packs.get(id).pack().detectorData();
        Map<ExampleKey, String> splitOf = new HashMap<>();
        Map<String, List<LabelledExample>> splits = Map.of("train", d.train(), "judge", d.judge(), "test", d.test());
        splits.forEach((name, examples) -> examples.forEach(e -> {
            String other = splitOf.putIfAbsent(ExampleKey.of(e), name);
            assertThat(other == null || other.equals(name))
                    .as("%s in %s and %s", e, other, name)
                    .isTrue();
        }));
        Set<String> heldOutPrompts = Stream.concat(d.judge().stream(), d.test().stream())
                .map(LabelledExample::prompt)
                .collect(Collectors.toSet());
        assertThat(packs.get(id).pack().generationPrompts()).doesNotContainAnyElementsOf(heldOutPrompts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"toxicity", "harmful-requests", "sycophancy", "hallucination"})
    void contrastivePairsComeFromTheTrainSplit(String id) {
        ConceptPack pack = packs.get(id).pack();
        Set<String> trainTexts =
                pack.detectorData().train().stream().map(LabelledExample::text).collect(Collectors.toSet());
        Set<String> trainPrompts = pack.detectorData().train().stream()
                .map(LabelledExample::prompt)
                .collect(Collectors.toSet());
        for (ContrastivePair pair : pack.contrastivePairs()) {
            if (pair.kind() == PairKind.TEXT) {
                assertThat(trainTexts.contains(pair.positive()) && trainTexts.contains(pair.negative()))
                        .as("TEXT pair %s comes from train", pair)
                        .isTrue();
            } else if (!id.equals("harmful-requests")) {
                boolean fromTrain =
                        trainPrompts.stream().anyMatch(stem -> pair.prompt().startsWith(stem));
                assertThat(fromTrain)
                        .as("AB pair %s asks a train question", pair.prompt())
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"toxicity", "harmful-requests", "sycophancy", "hallucination"})
    void aPackFileStaysSmallAndReadsBackUnchanged(String id, @TempDir Path dir) throws IOException {
        Path file = dir.resolve(id + ".json");
        PackJson.write(packs.get(id).pack(), file);
        System.out.printf("%s.json: %,d bytes%n", id, Files.size(file));
        assertThat(Files.size(file)).isLessThan(5L * 1024 * 1024);
        assertThat(PackJson.read(file)).isEqualTo(packs.get(id).pack());
    }

    @Test
    void toxicityReconcilesWithTheDavidsonRows() throws IOException {
        DetectorDataStats s = packs.get("toxicity").stats();
        // SOURCES.md: 24,783 rows; class 0 hate 1,430 + class 1 offensive 19,190 = 20,620 violating; 4,163 neither.
        assertThat(s.sourceRecords()).isEqualTo(24_783);
        assertThat(s.rejectedRecords()).isZero();
        assertThat(s.imported()).isEqualTo(new LabelCounts(20_620, 4_163));
        List<LabelledExample> rows;
        try (Reader reader =
                Files.newBufferedReader(data.resolve("toxicity/davidson_labeled_data.csv"), StandardCharsets.UTF_8)) {
            rows = new DavidsonCsvImporter()
                    .readExamples(reader, "davidson", new TextNormaliser(), new ImportReport()).examples().stream()
                            .map(ImportedExample::example)
                            .toList();
        }
        int[] repeats = duplicatesAndConflicts(rows);
        assertThat(s.duplicatesDropped()).isEqualTo(repeats[0]);
        assertThat(s.conflictingDropped()).isEqualTo(repeats[1]);
        assertThat(s.pooled().total()).isEqualTo(24_783 - repeats[0] - repeats[1]);
        // Balancing (at most 2 violating per non-violating) and caps 8,000 / 2,000 / 2,000.
        SplitCounts kept = s.kept();
        assertThat(kept.train().total()).isLessThanOrEqualTo(8_000);
        assertThat(kept.judge().total()).isLessThanOrEqualTo(2_000);
        assertThat(kept.test().total()).isLessThanOrEqualTo(2_000);
        for (LabelCounts split : List.of(kept.train(), kept.judge(), kept.test())) {
            assertThat(split.violating()).isLessThanOrEqualTo(2 * split.notViolating() + 1);
            assertThat(split.notViolating()).isPositive();
        }
        // Non-violating tweets are the scarce class: train keeps every one it was assigned.
        assertThat(kept.train().notViolating()).isEqualTo(s.assigned().train().notViolating());
    }

    @Test
    void harmfulRequestsReconcilesWithTheInstructionSplits() throws IOException {
        DetectorDataStats s = packs.get("harmful-requests").stats();
        // SOURCES.md: harmful 260 / 39 / 572, harmless 18,793 / 6,264 / 6,266.
        assertThat(s.sourceRecords()).isEqualTo(260 + 39 + 572 + 18_793 + 6_264 + 6_266);
        assertThat(s.imported()).isEqualTo(new LabelCounts(871, 31_323));
        TextNormaliser normaliser = new TextNormaliser();
        JsonMapper json = JsonMapper.builder().build();
        List<LabelledExample> rows = new ArrayList<>();
        for (String kind : List.of("harmful", "harmless")) {
            for (String split : List.of("train", "val", "test")) {
                json.readTree(data.resolve("harmful/" + kind + "_" + split + ".json"))
                        .values()
                        .forEach(item -> rows.add(new LabelledExample(
                                null,
                                normaliser.normalise(item.get("instruction").stringValue()),
                                kind.equals("harmful") ? 1 : 0)));
            }
        }
        int[] repeats = duplicatesAndConflicts(rows);
        assertThat(s.duplicatesDropped()).isEqualTo(repeats[0]);
        assertThat(s.conflictingDropped()).isEqualTo(repeats[1]);
        assertThat(s.pooled().total()).isEqualTo(rows.size() - repeats[0] - repeats[1]);
        for (LabelCounts split :
                List.of(s.kept().train(), s.kept().judge(), s.kept().test())) {
            assertThat(split.notViolating()).isLessThanOrEqualTo(4 * split.violating());
        }
        assertThat(s.kept().total().violating()).isEqualTo(s.pooled().violating());
        long abPairs = packs.get("harmful-requests").pack().contrastivePairs().stream()
                .filter(p -> p.kind() == PairKind.AB)
                .count();
        assertThat(abPairs).isEqualTo(408);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sycophancy", "hallucination"})
    void abPacksHoldBothAnswersOfEveryItem(String id) {
        DetectorDataStats s = packs.get(id).stats();
        // SOURCES.md: 1,000 generate + 50 test A/B items; each gives a violating and a non-violating answer.
        assertThat(s.sourceRecords()).isEqualTo(1_050);
        assertThat(s.rejectedRecords()).isZero();
        assertThat(s.imported()).isEqualTo(new LabelCounts(1_050, 1_050));
        assertThat(s.kept()).isEqualTo(s.assigned());
        assertThat(s.kept().total()).isEqualTo(s.pooled());
        for (LabelCounts split :
                List.of(s.kept().train(), s.kept().judge(), s.kept().test())) {
            assertThat(split.violating()).isEqualTo(split.notViolating());
        }
        ConceptPack pack = packs.get(id).pack();
        assertThat(pack.generationPrompts()).hasSize(100);
        assertThat(pack.contrastivePairs()).allSatisfy(p -> assertThat(p.kind()).isEqualTo(PairKind.AB));
    }

    @Test
    void hallucinationOpenEndedQuestionsAreGenerationPromptsAndStayOutOfTest() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Set<String> openEnded = new HashSet<>();
        json.readTree(data.resolve("hallucination/caa_hallucination_test_open_ended.json"))
                .values()
                .forEach(item -> openEnded.add(item.get("question").stringValue()));
        ConceptPack pack = packs.get("hallucination").pack();
        assertThat(pack.generationPrompts()).containsAll(openEnded);
        assertThat(pack.detectorData().test())
                .extracting(LabelledExample::prompt)
                .doesNotContainAnyElementsOf(openEnded);
    }
}
