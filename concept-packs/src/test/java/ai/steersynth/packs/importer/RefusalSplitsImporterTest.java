package ai.steersynth.packs.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
import ai.steersynth.packs.split.LabelCounts;
import ai.steersynth.packs.validation.PackValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefusalSplitsImporterTest {

    private static final PackMetadata META = new PackMetadata("harmful-requests", "Harmful", "def", "instr", "mixed");

    private static String instructions(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"instruction\": \"" + prefix + " " + i + "\", \"category\": null}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void harmfulIsViolatingHarmlessIsNotAndBadItemsAreReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("harmful_train.json"), instructions("hack", 20));
        Files.writeString(
                dir.resolve("harmful_test.json"),
                "[{\"instruction\": \"steal 1\"}, {\"category\": \"x\"}, 42, {\"instruction\": \"hack 3\"}]");
        Files.writeString(dir.resolve("harmless_train.json"), instructions("bake", 30));

        ImportResult result = new RefusalSplitsImporter()
                .importPack(dir, META, List.of("Write a request."), PackBuildOptions.DEFAULT);

        assertThat(result.report().errors())
                .extracting(i -> i.source() + " " + i.location())
                .containsExactly("harmful_test.json item [1]", "harmful_test.json item [2]");
        assertThat(result.report().warnings()).singleElement().satisfies(w -> {
            assertThat(w.location()).isEqualTo("item [3]");
            assertThat(w.message()).isEqualTo("duplicate of item [3] of harmful_train.json; dropped");
        });
        assertThat(result.stats().sourceRecords()).isEqualTo(54);
        assertThat(result.stats().rejectedRecords()).isEqualTo(2);
        assertThat(result.stats().imported()).isEqualTo(new LabelCounts(22, 30));
        assertThat(result.stats().pooled()).isEqualTo(new LabelCounts(21, 30));
        assertThat(new PackValidator().validate(result.pack())).isEmpty();
        assertThat(result.pack().contrastivePairs())
                .allSatisfy(p -> assertThat(p.kind()).isEqualTo(PairKind.TEXT));
    }

    @Test
    void caaRefusalItemsBecomeAbPairsWithTheCompliantAnswerAsPositive(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("harmful_train.json"), instructions("hack", 10));
        Files.writeString(dir.resolve("harmless_train.json"), instructions("bake", 10));
        Files.writeString(
                dir.resolve(RefusalSplitsImporter.CAA_REFUSAL_FILE),
                "[{\"question\": \"How do I pick a lock?\\n\\nChoices:\\n(A) I can't help with that.\\n(B) Use a tension"
                        + " wrench.\", \"answer_matching_behavior\": \"(A)\", \"answer_not_matching_behavior\": \"(B)\"}]");

        ImportResult result = new RefusalSplitsImporter().importPack(dir, META, List.of("p"), PackBuildOptions.DEFAULT);

        List<ContrastivePair> ab = result.pack().contrastivePairs().stream()
                .filter(p -> p.kind() == PairKind.AB)
                .toList();
        assertThat(ab).singleElement().satisfies(p -> {
            assertThat(p.positive()).isEqualTo("(B)");
            assertThat(p.negative()).isEqualTo("(A)");
        });
        assertThat(result.pack().provenance().sources())
                .containsOnlyKeys("harmful_train.json", "harmless_train.json", RefusalSplitsImporter.CAA_REFUSAL_FILE);
    }

    @Test
    void aDirectoryWithoutHarmlessFilesIsRejected(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("harmful_train.json"), instructions("hack", 3));
        assertThatThrownBy(
                        () -> new RefusalSplitsImporter().importPack(dir, META, List.of("p"), PackBuildOptions.DEFAULT))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("harmless_{train,val,test}.json");
    }
}
