package ai.steersynth.packs.format;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.PackProvenance;
import ai.steersynth.packs.TestPacks;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackHashesTest {

    @Test
    void theHashIsTheSha256OfTheCanonicalContentJson() {
        ConceptPack pack = TestPacks.valid();
        String canonical = PackHashes.canonicalContentJson(pack);
        assertThat(PackHashes.contentHash(pack))
                .matches("[0-9a-f]{64}")
                .isEqualTo(PackHashes.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void canonicalJsonIsCompactWithSortedKeys() {
        String canonical = PackHashes.canonicalContentJson(TestPacks.valid());
        assertThat(canonical).doesNotContain("\n").doesNotContain(": ");
        assertThat(canonical).startsWith("{\"contrastivePairs\":[{\"kind\":\"TEXT\",\"negative\":");
        assertThat(canonical.indexOf("\"definition\"")).isLessThan(canonical.indexOf("\"detectorData\""));
        assertThat(canonical).doesNotContain("provenance");
    }

    @Test
    void provenanceDoesNotChangeTheHashButContentDoes() {
        ConceptPack pack = TestPacks.valid();
        ConceptPack withProvenance = new ConceptPack(
                pack.id(),
                pack.name(),
                pack.definition(),
                pack.promptingInstruction(),
                pack.contrastivePairs(),
                pack.generationPrompts(),
                pack.detectorData(),
                new PackProvenance("x", Map.of(), "l", 1L, null, null));
        ConceptPack renamed = new ConceptPack(
                pack.id(),
                "Other",
                pack.definition(),
                pack.promptingInstruction(),
                pack.contrastivePairs(),
                pack.generationPrompts(),
                pack.detectorData(),
                null);
        assertThat(PackHashes.contentHash(withProvenance)).isEqualTo(PackHashes.contentHash(pack));
        assertThat(PackHashes.contentHash(renamed)).isNotEqualTo(PackHashes.contentHash(pack));
    }

    @Test
    void withContentHashStoresTheHashInTheProvenance() {
        ConceptPack hashed = PackHashes.withContentHash(TestPacks.valid());
        assertThat(hashed.provenance().contentHash()).isEqualTo(PackHashes.contentHash(TestPacks.valid()));
    }

    @Test
    void sha256OfAKnownInputMatchesTheStandardVector() {
        assertThat(PackHashes.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
