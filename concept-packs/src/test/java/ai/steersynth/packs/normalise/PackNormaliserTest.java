package ai.steersynth.packs.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
import ai.steersynth.contracts.pack.DetectorData;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.contracts.pack.PackProvenance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackNormaliserTest {

    @Test
    void everyTextIsNormalisedAndTheNormalisationIsRecorded() {
        String dirty = "cafe\u0301\u0000";
        ConceptPack pack = new ConceptPack(
                "p",
                dirty,
                dirty,
                dirty,
                List.of(new ContrastivePair(PairKind.TEXT, dirty, dirty, dirty)),
                List.of(dirty),
                new DetectorData(
                        List.of(new LabelledExample(dirty, dirty, 1)),
                        List.of(new LabelledExample(null, dirty, 0)),
                        List.of(new LabelledExample(null, dirty, 1))),
                new PackProvenance("davidson-csv", Map.of("a.csv", "ff"), "MIT", 7L, null, "stale"));

        ConceptPack normalised = new PackNormaliser(new TextNormaliser(100)).normalise(pack);

        String clean = "caf\u00e9";
        assertThat(normalised.name()).isEqualTo(clean);
        assertThat(normalised.definition()).isEqualTo(clean);
        assertThat(normalised.promptingInstruction()).isEqualTo(clean);
        assertThat(normalised.contrastivePairs().get(0))
                .isEqualTo(new ContrastivePair(PairKind.TEXT, clean, clean, clean));
        assertThat(normalised.generationPrompts()).containsExactly(clean);
        assertThat(normalised.detectorData().train()).containsExactly(new LabelledExample(clean, clean, 1));
        assertThat(normalised.detectorData().judge()).containsExactly(new LabelledExample(null, clean, 0));
        PackProvenance provenance = normalised.provenance();
        assertThat(provenance.normalisation()).isEqualTo(new PackProvenance.Normalisation("NFC", true, 100));
        assertThat(provenance.importer()).isEqualTo("davidson-csv");
        assertThat(provenance.splitSeed()).isEqualTo(7L);
        assertThat(provenance.contentHash()).as("content may have changed").isNull();
    }

    @Test
    void aPackWithoutProvenanceIsRecordedAsAnUpload() {
        ConceptPack pack = new ConceptPack("p", "n", "d", "i", List.of(), List.of(), null, null);
        ConceptPack normalised = new PackNormaliser(new TextNormaliser()).normalise(pack);
        assertThat(normalised.provenance().importer()).isEqualTo("upload");
        assertThat(normalised.detectorData()).isNull();
    }
}
