package ai.steersynth.packs.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.normalise.TextNormaliser;
import ai.steersynth.packs.split.LabelCounts;
import ai.steersynth.packs.validation.PackValidator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DavidsonCsvImporterTest {

    private static final String HEADER = ",count,hate_speech,offensive_language,neither,class,tweet\n";

    private static final PackMetadata META = new PackMetadata("toxicity", "Toxicity", "def", "instr", "MIT");

    private final DavidsonCsvImporter importer = new DavidsonCsvImporter();

    private DavidsonCsvImporter.Rows read(String csv, ImportReport report) {
        return importer.readExamples(new StringReader(csv), "d.csv", new TextNormaliser(), report);
    }

    @Test
    void classesZeroAndOneAreViolatingAndTwoIsNot() {
        ImportReport report = new ImportReport();
        DavidsonCsvImporter.Rows rows = read(
                HEADER + "0,3,3,0,0,0,hate tweet\n1,3,0,3,0,1,offensive tweet\n2,3,0,0,3,2,neutral tweet\n", report);
        assertThat(rows.examples())
                .extracting(ImportedExample::example)
                .containsExactly(
                        new LabelledExample(null, "hate tweet", 1),
                        new LabelledExample(null, "offensive tweet", 1),
                        new LabelledExample(null, "neutral tweet", 0));
        assertThat(report.issues()).isEmpty();
    }

    @Test
    void malformedRowsAreReportedWithRowAndLineAndTheRestIsRead() {
        String csv = HEADER
                + "0,3,0,3,0,1,\"first line\nsecond line\"\n" // row 1, lines 2-3
                + "1,3,0,3,0,5,bad class\n" // row 2, line 4
                + "2,3,0,3,0,1\n" // row 3, line 5: a field short
                + "3,3,0,3,0,1,   \n" // row 4, line 6: blank tweet
                + "4,3,0,3,0,1,\"broken\"quote\n" // row 5, line 7
                + "\n" // row 6, line 8
                + "5,3,0,0,3,2,fine &amp; dandy &#128514;\n"; // row 7, line 9
        ImportReport report = new ImportReport();
        DavidsonCsvImporter.Rows rows = read(csv, report);

        assertThat(rows.records()).isEqualTo(7);
        assertThat(rows.rejected()).isEqualTo(5);
        assertThat(report.errors())
                .extracting(ImportIssue::location)
                .containsExactly(
                        "row 2 (line 4)", "row 3 (line 5)", "row 4 (line 6)", "row 5 (line 7)", "row 6 (line 8)");
        assertThat(report.errors().get(0).message()).contains("class must be 0 (hate), 1 (offensive) or 2 (neither)");
        assertThat(report.errors().get(1).message()).isEqualTo("expected 7 fields, found 6");
        assertThat(report.errors().get(3).message()).startsWith("malformed CSV");
        assertThat(rows.examples())
                .extracting(e -> e.example().text())
                .containsExactly("first line\nsecond line", "fine & dandy \uD83D\uDE02");
        assertThat(rows.examples().get(1).location()).isEqualTo("row 7 (line 9)");
    }

    @Test
    void aFileWithoutClassAndTweetColumnsIsRejectedAsAWhole() {
        assertThatThrownBy(() -> read("text,label\nx,1\n", new ImportReport()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("class and tweet");
    }

    @Test
    void importingBuildsAValidSplitPackWithToxicVersusNonToxicPairs(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(",3,0,3,0,1,offensive ").append(i).append('\n');
            csv.append(i).append(",3,0,0,3,2,neutral ").append(i).append('\n');
        }
        csv.append("99,3,0,3,0,1,offensive 7\n"); // a duplicate, reported and dropped
        Path file = dir.resolve("labeled.csv");
        Files.writeString(file, csv);

        ImportResult result = importer.importPack(file, META, List.of("Write a tweet."), PackBuildOptions.DEFAULT);

        ConceptPack pack = result.pack();
        assertThat(new PackValidator().validate(pack)).isEmpty();
        assertThat(result.stats().sourceRecords()).isEqualTo(81);
        assertThat(result.stats().imported()).isEqualTo(new LabelCounts(41, 40));
        assertThat(result.stats().duplicatesDropped()).isEqualTo(1);
        assertThat(result.stats().pooled()).isEqualTo(new LabelCounts(40, 40));
        assertThat(result.report().warnings()).singleElement().satisfies(w -> {
            assertThat(w.location()).isEqualTo("row 81 (line 82)");
            assertThat(w.message()).contains("duplicate of row 15 (line 16)");
        });
        assertThat(pack.contrastivePairs()).hasSize(24).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(PairKind.TEXT);
            assertThat(p.positive()).startsWith("offensive");
            assertThat(p.negative()).startsWith("neutral");
        });
        List<String> train =
                pack.detectorData().train().stream().map(LabelledExample::text).toList();
        assertThat(pack.contrastivePairs()).allSatisfy(p -> assertThat(train).contains(p.positive(), p.negative()));
        assertThat(pack.provenance().importer()).isEqualTo("davidson-csv");
        assertThat(pack.provenance().sources()).containsOnlyKeys("labeled.csv");
        assertThat(pack.provenance().contentHash()).matches("[0-9a-f]{64}");
    }
}
