package ai.steersynth.engine.steering.extract;

import ai.steersynth.contracts.pack.ContrastivePair;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The data hash of a vector's provenance: sha256 over the contrastive pairs it was computed from. */
public final class PairHashes {

    private PairHashes() {}

    /**
     * sha256 (hex) over the pairs in order; each field (kind, prompt, positive, negative) is written
     * as its UTF-8 byte length (8 bytes, big-endian) and bytes, so no two pair lists collide by
     * concatenation.
     */
    public static String sha256(List<ContrastivePair> pairs) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ContrastivePair pair : pairs) {
                update(digest, pair.kind().name());
                update(digest, pair.prompt() == null ? "" : pair.prompt());
                update(digest, pair.positive());
                update(digest, pair.negative());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void update(MessageDigest digest, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
        digest.update(bytes);
    }
}
