package ai.steersynth.packs.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
import ai.steersynth.contracts.pack.DetectorData;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.contracts.pack.PackProvenance;
import ai.steersynth.packs.TestPacks;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackJsonTest {

    private static ConceptPack fullPack() {
        ConceptPack p = TestPacks.valid();
        return new ConceptPack(
                p.id(),
                p.name(),
                p.definition(),
                p.promptingInstruction(),
                List.of(
                        new ContrastivePair(PairKind.TEXT, "", "bad", "good"),
                        new ContrastivePair(PairKind.AB, "Q?\n (A) x\n (B) y", "(A)", "(B)")),
                p.generationPrompts(),
                new DetectorData(
                        List.of(new LabelledExample("q", "é \"quoted\"\nline", 1), new LabelledExample(null, "ok", 0)),
                        List.of(),
                        List.of(new LabelledExample(null, "x", 0))),
                new PackProvenance(
                        "labelled",
                        Map.of("f.csv", "ab"),
                        "MIT",
                        3L,
                        new PackProvenance.Normalisation("NFC", true, 4000),
                        "h"));
    }

    @Test
    void aPackSurvivesAWriteAndReadThroughAFile(@TempDir Path dir) {
        Path file = dir.resolve("pack.json");
        PackJson.write(fullPack(), file);
        assertThat(PackJson.read(file)).isEqualTo(fullPack());
    }

    @Test
    void theJsonKeepsRecordFieldOrderAndSpellsPairKindsAsWords() {
        String json = PackJson.toJson(fullPack());
        assertThat(json.indexOf("\"id\"")).isLessThan(json.indexOf("\"name\""));
        assertThat(json.indexOf("\"name\"")).isLessThan(json.indexOf("\"definition\""));
        assertThat(json).contains("\"kind\" : \"AB\"");
    }

    @Test
    void aMissingLabelIsAFormatErrorNotASilentZero() {
        String json = "{\"id\":\"p\",\"detectorData\":{\"train\":[{\"text\":\"a\",\"label\":1},{\"text\":\"b\"}]}}";
        assertThatThrownBy(() -> PackJson.read(json)).isInstanceOfSatisfying(PackFormatException.class, e -> {
            assertThat(e.error().field()).isEqualTo("detectorData.train[1].label");
            assertThat(e.error().message()).startsWith("is required");
        });
    }

    @Test
    void aLabelOfTheWrongTypeIsReportedWithItsPath() {
        String json = "{\"id\":\"p\",\"detectorData\":{\"test\":[{\"text\":\"a\",\"label\":\"yes\"}]}}";
        assertThatThrownBy(() -> PackJson.read(json)).isInstanceOfSatisfying(PackFormatException.class, e -> {
            assertThat(e.error().field()).isEqualTo("detectorData.test[0].label");
            assertThat(e.errors()).hasSize(1);
        });
    }

    @Test
    void anUnknownPairKindIsReportedWithItsPath() {
        String json = "{\"contrastivePairs\":[{\"kind\":\"TEXT\",\"positive\":\"a\",\"negative\":\"b\"},"
                + "{\"kind\":\"XY\",\"positive\":\"a\",\"negative\":\"b\"}]}";
        assertThatThrownBy(() -> PackJson.read(json))
                .isInstanceOfSatisfying(
                        PackFormatException.class,
                        e -> assertThat(e.error().field()).isEqualTo("contrastivePairs[1].kind"));
    }

    @Test
    void brokenJsonIsAFormatErrorWithItsPosition() {
        assertThatThrownBy(() -> PackJson.read("{\"id\": \"p\",\n \"name\": }"))
                .isInstanceOfSatisfying(
                        PackFormatException.class,
                        e -> assertThat(e.error().message()).contains("JSON line 2"));
    }

    @Test
    void unknownPropertiesAreIgnoredSoNewerPacksStayReadable() {
        ConceptPack pack = PackJson.read("{\"id\":\"p\",\"formatVersion\":2}");
        assertThat(pack.id()).isEqualTo("p");
        assertThat(pack.contrastivePairs()).isEmpty();
    }

    @Test
    void examplesSurviveJsonlOneObjectPerLine() {
        List<LabelledExample> examples = fullPack().detectorData().train();
        StringWriter out = new StringWriter();
        PackJson.writeJsonl(examples, out);
        assertThat(out.toString().split("\n")).hasSize(2);
        assertThat(PackJson.readJsonl(new StringReader(out.toString()))).isEqualTo(examples);
    }

    @Test
    void aBadJsonlLineIsNamedByLineNumber() {
        String jsonl = "{\"text\":\"a\",\"label\":1}\n\n{\"text\":\"b\",\"label\":\"x\"}\n";
        assertThatThrownBy(() -> PackJson.readJsonl(new StringReader(jsonl)))
                .isInstanceOfSatisfying(
                        PackFormatException.class,
                        e -> assertThat(e.error().field()).isEqualTo("line 3.label"));
    }

    @Test
    void aNullInsideAListIsAFormatErrorNotACrash() {
        assertThatThrownBy(() -> PackJson.read("{\"id\":\"p\",\"generationPrompts\":[\"a\",null]}"))
                .isInstanceOfSatisfying(
                        PackFormatException.class,
                        e -> assertThat(e.error().field()).isEqualTo("generationPrompts[1]"));
        assertThatThrownBy(() -> PackJson.read("{\"detectorData\":{\"train\":[null]}}"))
                .isInstanceOfSatisfying(
                        PackFormatException.class,
                        e -> assertThat(e.error().field()).isEqualTo("detectorData.train[0]"));
    }
}
