package ai.steersynth.metrics.domain;

import java.util.List;

/**
 * Measures the diversity within one response: how much it repeats its own words and phrases. Every metric treats a
 * text with no tokens as 0 (nothing was said) and, where a text is non-empty but too short to hold an n-gram of the
 * order a metric counts, as 1 (it cannot have repeated one); see docs/metrics.md.
 */
public final class SampleDiversityCalculator {

    private final int mattrWindow;

    /** @param mattrWindow the MATTR window in tokens, at least 1 (50 by default, see {@link DiversitySettings}) */
    public SampleDiversityCalculator(int mattrWindow) {
        if (mattrWindow < 1) {
            throw new IllegalArgumentException("mattrWindow must be at least 1, was " + mattrWindow);
        }
        this.mattrWindow = mattrWindow;
    }

    /** Tokenises {@code text} with {@link WordTokenizer} and measures it. */
    public SampleDiversity measure(String text) {
        return measureTokens(WordTokenizer.tokenize(text));
    }

    /** Measures an already tokenised response. */
    public SampleDiversity measureTokens(List<String> tokens) {
        if (tokens.isEmpty()) {
            return SampleDiversity.EMPTY;
        }
        int[][] ids = new NGramIndex().encode(tokens);
        int tokenCount = tokens.size();
        return new SampleDiversity(
                distinct(ids[0], tokenCount),
                distinct(ids[1], tokenCount),
                distinct(ids[2], tokenCount),
                mattr(ids[0], mattrWindow),
                herdanC(NGramCounts.of(ids[0]).distinct(), tokenCount),
                CompressionScore.ofTokens(tokens),
                nonRepetition(ids[3], tokenCount));
    }

    /** Distinct n-grams / n-grams, for the n-gram ids of one order of a text with {@code tokenCount} tokens. */
    static double distinct(int[] ngramIds, int tokenCount) {
        if (ngramIds.length == 0) {
            return tokenCount == 0 ? 0.0 : 1.0;
        }
        return (double) NGramCounts.of(ngramIds).distinct() / ngramIds.length;
    }

    /**
     * Moving-average type-token ratio: the mean, over every window of {@code window} consecutive tokens, of the
     * window's distinct tokens / {@code window}; a text shorter than the window gets its plain TTR. The window slides
     * one token at a time, updating per-token counts, so the cost is linear in the length.
     *
     * @param tokenIds dense token ids (0 to the number of distinct tokens - 1)
     */
    static double mattr(int[] tokenIds, int window) {
        int length = tokenIds.length;
        if (length == 0) {
            return 0.0;
        }
        int maxId = 0;
        for (int id : tokenIds) {
            maxId = Math.max(maxId, id);
        }
        int[] counts = new int[maxId + 1];
        int span = Math.min(window, length);
        int types = 0;
        for (int i = 0; i < span; i++) {
            if (counts[tokenIds[i]]++ == 0) {
                types++;
            }
        }
        if (length <= window) {
            return (double) types / length;
        }
        long typeSum = types;
        for (int i = window; i < length; i++) {
            if (--counts[tokenIds[i - window]] == 0) {
                types--;
            }
            if (counts[tokenIds[i]]++ == 0) {
                types++;
            }
            typeSum += types;
        }
        int windows = length - window + 1;
        return (double) typeSum / ((double) window * windows);
    }

    /**
     * Herdan's C = log V / log N for V types in N tokens. With 1 &lt;= V &lt;= N it lies in [0, 1]. Under Heaps' law V
     * = K N^b, TTR = K N^(b-1) keeps falling with length, while C = b + log K / log N settles towards b, so responses
     * of different lengths stay comparable; a loop that adds tokens but no types still drives C down. A one-token text
     * (log N = 0) gets 1, its TTR.
     */
    static double herdanC(int types, int tokens) {
        if (tokens == 0) {
            return 0.0;
        }
        if (tokens == 1) {
            return 1.0;
        }
        return Math.log(types) / Math.log(tokens);
    }

    /**
     * 1 - the repeated 4-gram share, where the share counts every occurrence (the first one included) of a 4-gram that
     * occurs at least twice. This is not distinct-4, which counts only the second and later occurrences: "a b c d a b c
     * d" has distinct-4 = 4/5 but a repeated share of 2/5, since both copies of "a b c d" sit inside the loop.
     */
    static double nonRepetition(int[] fourGramIds, int tokenCount) {
        if (fourGramIds.length == 0) {
            return tokenCount == 0 ? 0.0 : 1.0;
        }
        NGramCounts counts = NGramCounts.of(fourGramIds);
        int repeated = 0;
        for (int count : counts.counts()) {
            if (count > 1) {
                repeated += count;
            }
        }
        return 1.0 - (double) repeated / counts.total();
    }
}
