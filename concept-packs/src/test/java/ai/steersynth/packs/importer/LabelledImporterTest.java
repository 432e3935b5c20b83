package ai.steersynth.packs.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.normalise.TextNormaliser;
import ai.steersynth.packs.validation.PackValidator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledImporterTest {

    private static final PackMetadata META = new PackMetadata("custom", "Custom", "def", "instr", null);

    private final LabelledImporter importer = new LabelledImporter();

    @Test
    void jsonlLinesAreReadAndBadLinesNamedByLineNumber() {
        String jsonl = "{\"text\": \"bad thing\", \"label\": 1, \"prompt\": \"Say something\"}\n"
                + "\n"
                + "{\"text\": \"good thing\", \"label\": 0}\n"
                + "{\"text\": \"x\", \"label\": 2}\n"
                + "{\"text\": \"y\", \"label\": \"1\"}\n"
                + "not json\n"
                + "[1, 2]\n"
                + "{\"label\": 1}\n"
                + "{\"text\": \"   \", \"label\": 0}\n";
        ImportReport report = new ImportReport();
        LabelledImporter.Rows rows =
                importer.readJsonl(new StringReader(jsonl), "d.jsonl", new TextNormaliser(), report);
        assertThat(rows.examples())
                .extracting(ImportedExample::example)
                .containsExactly(
                        new LabelledExample("Say something", "bad thing", 1),
                        new LabelledExample(null, "good thing", 0));
        assertThat(report.errors())
                .extracting(ImportIssue::location)
                .containsExactly("line 4", "line 5", "line 6", "line 7", "line 8", "line 9");
        assertThat(report.errors().get(0).message()).contains("label must be 1 (violating) or 0");
        assertThat(rows.records()).isEqualTo(8);
        assertThat(rows.rejected()).isEqualTo(6);
    }

    @Test
    void csvRowsAreReadAndBadRowsNamedByRowAndLine() {
        String csv = "label,text,prompt\n1,\"rude,\nreply\",Hi\n0,polite reply,\nyes,what,\n1,too,many,fields\n";
        ImportReport report = new ImportReport();
        LabelledImporter.Rows rows = importer.readCsv(new StringReader(csv), "d.csv", new TextNormaliser(), report);
        assertThat(rows.examples())
                .extracting(ImportedExample::example)
                .containsExactly(
                        new LabelledExample("Hi", "rude,\nreply", 1), new LabelledExample(null, "polite reply", 0));
        assertThat(report.errors())
                .extracting(ImportIssue::location)
                .containsExactly("row 3 (line 5)", "row 4 (line 6)");
    }

    @Test
    void aCsvWithoutTextAndLabelColumnsIsRejected() {
        assertThatThrownBy(() ->
                        importer.readCsv(new StringReader("a,b\n"), "d.csv", new TextNormaliser(), new ImportReport()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("text and label");
    }

    @Test
    void aFileBecomesAValidPackUsingTrainPromptsWhenNoneAreGiven(@TempDir Path dir) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            jsonl.append("{\"prompt\": \"q")
                    .append(i)
                    .append("\", \"text\": \"mean ")
                    .append(i)
                    .append("\", \"label\": 1}\n");
            jsonl.append("{\"prompt\": \"q")
                    .append(i)
                    .append("\", \"text\": \"kind ")
                    .append(i)
                    .append("\", \"label\": 0}\n");
        }
        Path file = dir.resolve("data.jsonl");
        Files.writeString(file, jsonl);
        ImportResult result = importer.importPack(file, META, List.of(), PackBuildOptions.DEFAULT);
        assertThat(new PackValidator().validate(result.pack())).isEmpty();
        assertThat(result.pack().generationPrompts())
                .hasSize(18)
                .allSatisfy(p -> assertThat(result.pack().detectorData().train())
                        .extracting(LabelledExample::prompt)
                        .contains(p));
    }

    @Test
    void anUnknownExtensionIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data.txt");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> importer.importPack(file, META, List.of(), PackBuildOptions.DEFAULT))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining(".csv, .jsonl or .ndjson");
    }
}
