package ai.steersynth.packs.format;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.PackProvenance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The content hash of a pack: sha256 (lower-case hex) of the canonical JSON of its content, i.e.
 * every field except {@code provenance}. Canonical JSON is compact UTF-8 with object keys sorted,
 * lists in their stored order and {@code null} written out, so the hash changes exactly when the
 * content does.
 */
public final class PackHashes {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PackHashes() {}

    /** The canonical JSON of the pack's content (without provenance). */
    public static String canonicalContentJson(ConceptPack pack) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("id", pack.id());
        content.put("name", pack.name());
        content.put("definition", pack.definition());
        content.put("promptingInstruction", pack.promptingInstruction());
        content.put("contrastivePairs", pack.contrastivePairs());
        content.put("generationPrompts", pack.generationPrompts());
        content.put("detectorData", pack.detectorData());
        // Going through a tree sorts the keys of the nested records too, not only of this map.
        Object tree = CANONICAL.convertValue(content, Object.class);
        return CANONICAL.writeValueAsString(tree);
    }

    /** sha256 hex of the canonical content JSON. */
    public static String contentHash(ConceptPack pack) {
        return sha256Hex(canonicalContentJson(pack).getBytes(StandardCharsets.UTF_8));
    }

    /** The pack with {@code provenance.contentHash} set to its content hash. */
    public static ConceptPack withContentHash(ConceptPack pack) {
        PackProvenance p = pack.provenance();
        PackProvenance hashed = p == null
                ? new PackProvenance("upload", Map.of(), null, 0L, null, contentHash(pack))
                : new PackProvenance(
                        p.importer(), p.sources(), p.licence(), p.splitSeed(), p.normalisation(), contentHash(pack));
        return new ConceptPack(
                pack.id(),
                pack.name(),
                pack.definition(),
                pack.promptingInstruction(),
                pack.contrastivePairs(),
                pack.generationPrompts(),
                pack.detectorData(),
                hashed);
    }

    /** Lower-case hex sha256 of bytes. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Lower-case hex sha256 of a file's bytes, read in chunks. */
    public static String sha256Hex(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
