package ai.steersynth.judge.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One text to score.
 *
 * @param concept the concept the text should express
 * @param prompt the prompt the text answers, or {@code null}
 * @param text the text to score
 */
public record JudgeRequest(JudgeConcept concept, String prompt, String text) {

    public JudgeRequest {
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The cache key of what a judge reads: sha256 over the concept's content hash, the prompt and the
     * text, each length-prefixed so no two different inputs share a key.
     */
    public String inputHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {concept.contentHash(), prompt == null ? "" : prompt, text}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
