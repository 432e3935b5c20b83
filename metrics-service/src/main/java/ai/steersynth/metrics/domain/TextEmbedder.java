package ai.steersynth.metrics.domain;

import java.util.List;

/**
 * Turns texts into sentence embeddings, one row per text in input order, all of one dimension. The metrics service
 * adapts ml's {@code SentenceEmbedder} (all-MiniLM-L6-v2) to it; tests use fixed vectors. {@link DiversityCalculator}
 * never passes a blank text: it embeds blank responses itself.
 */
@FunctionalInterface
public interface TextEmbedder {

    /** Embeds {@code texts}; row i belongs to {@code texts.get(i)}. */
    float[][] embed(List<String> texts);
}
