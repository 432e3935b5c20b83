package ai.steersynth.packs.importer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.split.LabelCounts;
import ai.steersynth.packs.validation.PackValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaaAbImporterTest {

    private static final PackMetadata META = new PackMetadata("hallucination", "Hallucination", "def", "instr", "MIT");

    private static String item(int i, String matching) {
        String notMatching = matching.equals("(A)") ? "(B)" : "(A)";
        return "{\"question\": \"Is claim " + i + " true?\\n\\nChoices:\\n (A) Yes, claim " + i
                + " holds.\\n (B) No, claim "
                + i + " is false.\", \"answer_matching_behavior\": \"" + matching
                + "\", \"answer_not_matching_behavior\": \"" + notMatching + "\"}";
    }

    private static Path writeGenerate(Path dir, int count) throws IOException {
        String items = Stream.iterate(0, i -> i + 1)
                .limit(count)
                .map(i -> item(i, i % 2 == 0 ? "(A)" : "(B)"))
                .collect(Collectors.joining(",\n"));
        Path file = dir.resolve("caa_x_generate_ab.json");
        Files.writeString(file, "[" + items + "]");
        return file;
    }

    @Test
    void eachItemGivesTheStemWithBothAnswersLabelledByBehaviour(@TempDir Path dir) throws IOException {
        Path file = writeGenerate(dir, 2);
        ImportResult result =
                new CaaAbImporter().importPack(List.of(file), List.of(), META, true, PackBuildOptions.DEFAULT);
        List<LabelledExample> all = Stream.of(
                        result.pack().detectorData().train(),
                        result.pack().detectorData().judge(),
                        result.pack().detectorData().test())
                .flatMap(List::stream)
                .toList();
        assertThat(all)
                .containsExactlyInAnyOrder(
                        new LabelledExample("Is claim 0 true?", "Yes, claim 0 holds.", 1),
                        new LabelledExample("Is claim 0 true?", "No, claim 0 is false.", 0),
                        new LabelledExample("Is claim 1 true?", "No, claim 1 is false.", 1),
                        new LabelledExample("Is claim 1 true?", "Yes, claim 1 holds.", 0));
    }

    @Test
    void whenMatchingIsTheRefusalThePositiveIsTheOtherLetter() {
        AbItem item = new AbItem("f", "item [0]", "Q?\n(A) No\n(B) Sure", "Q?", "(A)", "No", "(B)", "Sure");
        assertThat(item.pair(false)).isEqualTo(new ContrastivePair(PairKind.AB, "Q?\n(A) No\n(B) Sure", "(B)", "(A)"));
        assertThat(item.examples(false))
                .containsExactly(new LabelledExample("Q?", "No", 0), new LabelledExample("Q?", "Sure", 1));
    }

    @Test
    void malformedItemsAreReportedByIndexAndTheRestImported(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad_ab.json");
        Files.writeString(
                file,
                "["
                        + item(0, "(A)") + ",\n"
                        + "{\"answer_matching_behavior\": \"(A)\", \"answer_not_matching_behavior\": \"(B)\"},\n"
                        + "{\"question\": \"No choices here?\", \"answer_matching_behavior\": \"(A)\", \"answer_not_matching_behavior\": \"(B)\"},\n"
                        + "{\"question\": \"Q?\\n (A) a\\n (B) b\", \"answer_matching_behavior\": \"(C)\", \"answer_not_matching_behavior\": \"(B)\"},\n"
                        + "{\"question\": \"Q?\\n (A) a\\n (B) b\", \"answer_matching_behavior\": \"(B)\", \"answer_not_matching_behavior\": \"(B)\"},\n"
                        + "\"not an object\",\n"
                        + item(6, "(B)") + "]");
        ImportResult result =
                new CaaAbImporter().importPack(List.of(file), List.of(), META, true, PackBuildOptions.DEFAULT);
        assertThat(result.report().errors())
                .extracting(ImportIssue::location)
                .containsExactly("item [1]", "item [2]", "item [3]", "item [4]", "item [5]");
        assertThat(result.report().errors().get(2).message())
                .isEqualTo("answer_matching_behavior is (C) but the question's choices are (A), (B)");
        assertThat(result.stats().sourceRecords()).isEqualTo(7);
        assertThat(result.stats().rejectedRecords()).isEqualTo(5);
        assertThat(result.stats().imported()).isEqualTo(new LabelCounts(2, 2));
    }

    @Test
    void openEndedQuestionsAreGenerationPromptsAndTheirItemsStayInTrain(@TempDir Path dir) throws IOException {
        Path generate = writeGenerate(dir, 60);
        Path openEnded = dir.resolve("caa_x_test_open_ended.json");
        Files.writeString(
                openEnded,
                "[{\"question\": \"Is claim 3 true?\"}, {\"question\": \"Is claim 4 true?\"},"
                        + " {\"question\": \"Is claim 3 true?\"}, {\"nothing\": 1}]");
        PackBuildOptions options = new PackBuildOptions(PackBuildOptions.DEFAULT.splitPlan(), 4000, 1000, 10);

        ImportResult result =
                new CaaAbImporter().importPack(List.of(generate), List.of(openEnded), META, true, options);

        ConceptPack pack = result.pack();
        assertThat(new PackValidator().validate(pack)).isEmpty();
        assertThat(pack.generationPrompts()).hasSize(10).startsWith("Is claim 3 true?", "Is claim 4 true?");
        Set<String> trainPrompts = pack.detectorData().train().stream()
                .map(LabelledExample::prompt)
                .collect(Collectors.toSet());
        assertThat(trainPrompts).containsAll(pack.generationPrompts());
        assertThat(result.report().issues()).extracting(ImportIssue::location).containsExactly("item [2]", "item [3]");
        assertThat(pack.contrastivePairs()).hasSize(trainPrompts.size()).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(PairKind.AB);
            assertThat(trainPrompts).anySatisfy(stem -> assertThat(p.prompt()).startsWith(stem));
        });
        ContrastivePair claim3 = pack.contrastivePairs().stream()
                .filter(p -> p.prompt().startsWith("Is claim 3 true?"))
                .findFirst()
                .orElseThrow();
        assertThat(claim3.positive()).isEqualTo("(B)");
        assertThat(pack.provenance().sources())
                .containsOnlyKeys("caa_x_generate_ab.json", "caa_x_test_open_ended.json");
    }

    @Test
    void aDirectoryImportReadsEveryAbAndOpenEndedFile(@TempDir Path dir) throws IOException {
        writeGenerate(dir, 30);
        Files.writeString(dir.resolve("caa_x_test_ab.json"), "[" + item(100, "(A)") + "]");
        Files.writeString(dir.resolve("caa_x_test_open_ended.json"), "[{\"question\": \"Open?\"}]");
        Files.writeString(dir.resolve("unrelated.json"), "{}");
        ImportResult result = new CaaAbImporter().importDirectory(dir, META, true, PackBuildOptions.DEFAULT);
        assertThat(result.stats().sourceRecords()).isEqualTo(31);
        assertThat(result.pack().generationPrompts()).first().isEqualTo("Open?");
    }

    @Test
    void aRepeatedItemIsReportedOncePerAnswer(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("dup_ab.json");
        Files.writeString(file, "[" + item(0, "(A)") + ",\n" + item(0, "(A)") + "]");
        ImportResult result =
                new CaaAbImporter().importPack(List.of(file), List.of(), META, true, PackBuildOptions.DEFAULT);
        assertThat(result.report().warnings())
                .extracting(ImportIssue::location)
                .containsExactly("item [1] answer (A)", "item [1] answer (B)");
        assertThat(result.report().warnings().get(0).message()).isEqualTo("duplicate of item [0] answer (A); dropped");
        assertThat(result.stats().duplicatesDropped()).isEqualTo(2);
        assertThat(result.stats().pooled()).isEqualTo(new LabelCounts(1, 1));
    }
}
