package ai.steersynth.metrics.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the diversity of a config's whole sample set: n-gram overlap across samples (distinct-n, Self-BLEU),
 * compressibility of the whole set, and the spread of its sentence embeddings (mean cosine distance, Vendi score).
 */
public final class SetDiversityCalculator {

    private SetDiversityCalculator() {}

    /**
     * Tokenises the texts with {@link WordTokenizer} and measures the set.
     *
     * @param embeddings one sentence embedding per text, in the same order
     */
    public static SetDiversity measure(List<String> texts, float[][] embeddings) {
        List<List<String>> tokenised = new ArrayList<>(texts.size());
        for (String text : texts) {
            tokenised.add(WordTokenizer.tokenize(text));
        }
        return measureTokens(tokenised, embeddings);
    }

    /**
     * Measures an already tokenised set. A set of one sample is allowed: its distinct-n and compression are those of
     * the sample, and the pairwise components (Self-BLEU diversity, cosine distance, Vendi score / n) are 1, since no
     * pair of samples can be alike.
     */
    public static SetDiversity measureTokens(List<List<String>> samples, float[][] embeddings) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a sample set must hold at least one sample");
        }
        if (embeddings.length != samples.size()) {
            throw new IllegalArgumentException(
                    embeddings.length + " embeddings for " + samples.size() + " samples; need one per sample");
        }
        NGramIndex index = new NGramIndex();
        List<int[][]> encoded = new ArrayList<>(samples.size());
        long[] ngramTotals = new long[NGramIndex.MAX_ORDER];
        for (List<String> sample : samples) {
            int[][] ids = index.encode(sample);
            encoded.add(ids);
            for (int order = 1; order <= NGramIndex.MAX_ORDER; order++) {
                ngramTotals[order - 1] += ids[order - 1].length;
            }
        }
        return new SetDiversity(
                samples.size(),
                distinct(index, 1, ngramTotals),
                distinct(index, 2, ngramTotals),
                distinct(index, 3, ngramTotals),
                SelfBleu.selfBleu(encoded, index),
                ngramTotals[0] == 0 ? 0.0 : CompressionScore.ofBytes(joined(samples)),
                EmbeddingDiversity.meanCosineDistance(embeddings),
                EmbeddingDiversity.vendiScore(embeddings));
    }

    /** Distinct n-grams of the set / n-grams of the set; 0 for a set without tokens, 1 if no sample reaches order n. */
    private static double distinct(NGramIndex index, int order, long[] ngramTotals) {
        if (ngramTotals[order - 1] == 0) {
            return ngramTotals[0] == 0 ? 0.0 : 1.0;
        }
        return (double) index.distinctCount(order) / ngramTotals[order - 1];
    }

    /**
     * Each sample's tokens joined by spaces, samples joined by newlines, as UTF-8. A set without tokens scores 0 like
     * an empty text rather than being measured on its bare newlines.
     */
    private static byte[] joined(List<List<String>> samples) {
        List<String> lines = new ArrayList<>(samples.size());
        for (List<String> sample : samples) {
            lines.add(String.join(" ", sample));
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }
}
