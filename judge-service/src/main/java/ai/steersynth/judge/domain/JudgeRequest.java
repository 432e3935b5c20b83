package ai.steersynth.judge.domain;

import ai.steersynth.contracts.sweep.ModelSource;
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
 * @param model the model that generated the text, whose unsteered likelihood the offline judge's
 *     coherence reads, or {@code null} when unknown (validity runs on real data, older sweeps)
 */
public record JudgeRequest(JudgeConcept concept, String prompt, String text, ModelSource model) {

    public JudgeRequest {
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(text, "text");
    }

    /** A request that names no generating model. */
    public JudgeRequest(JudgeConcept concept, String prompt, String text) {
        this(concept, prompt, text, null);
    }

    /**
     * The cache key of what a judge reads: sha256 over the concept's content hash, the prompt and the
     * text, each length-prefixed so no two different inputs share a key, plus the generating model when
     * one is named (the offline judge's coherence depends on it).
     */
    public String inputHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            java.util.List<String> parts = new java.util.ArrayList<>(
                    java.util.List.of(concept.contentHash(), prompt == null ? "" : prompt, text));
            if (model != null) {
                parts.add(model.asText());
            }
            for (String part : parts) {
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
