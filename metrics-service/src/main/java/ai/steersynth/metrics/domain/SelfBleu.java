package ai.steersynth.metrics.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * BLEU-4 of each sample against all other samples of its set as references, and Self-BLEU, their mean. The score
 * matches NLTK's {@code sentence_bleu(references, hypothesis, smoothing_function=SmoothingFunction().method1)} with
 * the default weights (0.25, 0.25, 0.25, 0.25):
 *
 * <ul>
 *   <li>p_n = clipped n-gram matches / max(1, hypothesis n-grams), each hypothesis n-gram count clipped at its largest
 *       count in any single reference;
 *   <li>method1: a p_n with no matches becomes 0.1 / its denominator;
 *   <li>BP = 1 if the hypothesis is longer than the closest reference length r (ties: the shorter reference), 0 for an
 *       empty hypothesis, else exp(1 - r / c);
 *   <li>BLEU = 0 when no unigram matches, else BP * exp(sum_n 0.25 * log p_n).
 * </ul>
 *
 * {@link #sentenceBleu} is the direct transcription; {@link #sentenceBleus} computes all leave-one-out scores of a set
 * at once. It keeps, for every n-gram of the set, its highest count, the sample holding it, and the second-highest
 * count held by any other sample; the clipping count "max over the other samples" is then the top count, or the runner
 * up for the sample that holds the top, an O(1) look-up. A set of n samples of length L costs O(n L log L) instead of
 * the O(n^2 L) of scoring each sample against the rest.
 */
public final class SelfBleu {

    static final int MAX_ORDER = NGramIndex.MAX_ORDER;
    static final double EPSILON = 0.1;

    private SelfBleu() {}

    /**
     * Self-BLEU of a set: the mean over samples of {@link #sentenceBleus}. A set of one sample has no references and no
     * pair that could be alike, so its Self-BLEU is 0 (diversity 1).
     */
    public static double selfBleu(List<List<String>> samples) {
        return mean(sentenceBleus(samples));
    }

    /** Self-BLEU of samples already encoded by {@code index}; 0 for one sample. */
    static double selfBleu(List<int[][]> encoded, NGramIndex index) {
        return encoded.size() == 1 ? 0.0 : mean(sentenceBleus(encoded, index));
    }

    private static double mean(double[] scores) {
        double sum = 0;
        for (double score : scores) {
            sum += score;
        }
        return Scores.clampUnit(sum / scores.length);
    }

    /** BLEU-4 of each sample against all the others as references; 0 for a set of one sample. */
    public static double[] sentenceBleus(List<List<String>> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("Self-BLEU needs at least one sample");
        }
        if (samples.size() == 1) {
            return new double[] {0.0};
        }
        NGramIndex index = new NGramIndex();
        List<int[][]> encoded = new ArrayList<>(samples.size());
        for (List<String> sample : samples) {
            encoded.add(index.encode(sample));
        }
        return sentenceBleus(encoded, index);
    }

    static double[] sentenceBleus(List<int[][]> encoded, NGramIndex index) {
        int n = encoded.size();
        int[][] numerators = new int[n][MAX_ORDER];
        int[][] denominators = new int[n][MAX_ORDER];
        for (int order = 1; order <= MAX_ORDER; order++) {
            clippedMatches(encoded, order, index.distinctCount(order), numerators, denominators);
        }
        TreeMap<Integer, Integer> lengthCounts = new TreeMap<>();
        for (int[][] sample : encoded) {
            lengthCounts.merge(sample[0].length, 1, Integer::sum);
        }
        double[] scores = new double[n];
        for (int s = 0; s < n; s++) {
            int length = encoded.get(s)[0].length;
            scores[s] = bleu(numerators[s], denominators[s], length, closestOtherLength(lengthCounts, length));
        }
        return scores;
    }

    /** Fills column {@code order - 1} of the numerators (clipped matches) and denominators of every sample. */
    private static void clippedMatches(
            List<int[][]> encoded, int order, int distinctNgrams, int[][] numerators, int[][] denominators) {
        int[] top = new int[distinctNgrams];
        int[] topHolder = new int[distinctNgrams];
        int[] runnerUp = new int[distinctNgrams];
        NGramCounts[] counts = new NGramCounts[encoded.size()];
        for (int s = 0; s < encoded.size(); s++) {
            counts[s] = NGramCounts.of(encoded.get(s)[order - 1]);
            for (int k = 0; k < counts[s].distinct(); k++) {
                int id = counts[s].ids()[k];
                int count = counts[s].counts()[k];
                if (count > top[id]) {
                    runnerUp[id] = top[id];
                    top[id] = count;
                    topHolder[id] = s;
                } else if (count > runnerUp[id]) {
                    runnerUp[id] = count;
                }
            }
        }
        for (int s = 0; s < encoded.size(); s++) {
            int matches = 0;
            for (int k = 0; k < counts[s].distinct(); k++) {
                int id = counts[s].ids()[k];
                // A tie for the top leaves runnerUp equal to top, so the holder still sees the tied count.
                int maxOverOthers = topHolder[id] == s ? runnerUp[id] : top[id];
                matches += Math.min(counts[s].counts()[k], maxOverOthers);
            }
            numerators[s][order - 1] = matches;
            denominators[s][order - 1] = Math.max(1, counts[s].total());
        }
    }

    /** NLTK's closest_ref_length over the lengths of all samples but one of length {@code ownLength}. */
    private static int closestOtherLength(TreeMap<Integer, Integer> lengthCounts, int ownLength) {
        if (lengthCounts.get(ownLength) > 1) {
            return ownLength;
        }
        Integer shorter = lengthCounts.lowerKey(ownLength);
        Integer longer = lengthCounts.higherKey(ownLength);
        if (shorter == null || longer == null) {
            return shorter == null ? longer : shorter;
        }
        return ownLength - shorter <= longer - ownLength ? shorter : longer;
    }

    /**
     * BLEU-4 of one hypothesis against its references, transcribed from NLTK's sentence_bleu with method1 smoothing.
     *
     * @param references at least one reference
     */
    public static double sentenceBleu(List<String> hypothesis, List<List<String>> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("BLEU needs at least one reference");
        }
        int[] numerators = new int[MAX_ORDER];
        int[] denominators = new int[MAX_ORDER];
        for (int order = 1; order <= MAX_ORDER; order++) {
            Map<List<String>, Integer> counts = ngramCounts(hypothesis, order);
            Map<List<String>, Integer> maxReferenceCounts = new HashMap<>();
            for (List<String> reference : references) {
                ngramCounts(reference, order)
                        .forEach((ngram, count) -> maxReferenceCounts.merge(ngram, count, Math::max));
            }
            int total = 0;
            for (Map.Entry<List<String>, Integer> entry : counts.entrySet()) {
                numerators[order - 1] += Math.min(entry.getValue(), maxReferenceCounts.getOrDefault(entry.getKey(), 0));
                total += entry.getValue();
            }
            denominators[order - 1] = Math.max(1, total);
        }
        int closest = references.get(0).size();
        for (List<String> reference : references) {
            int distance = Math.abs(reference.size() - hypothesis.size());
            int best = Math.abs(closest - hypothesis.size());
            if (distance < best || (distance == best && reference.size() < closest)) {
                closest = reference.size();
            }
        }
        return bleu(numerators, denominators, hypothesis.size(), closest);
    }

    private static Map<List<String>, Integer> ngramCounts(List<String> tokens, int order) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + order <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + order)), 1, Integer::sum);
        }
        return counts;
    }

    /** The BLEU formula from the per-order clipped matches and n-gram totals (see the class comment). */
    static double bleu(int[] numerators, int[] denominators, int hypothesisLength, int closestReferenceLength) {
        if (numerators[0] == 0) {
            return 0.0;
        }
        double logSum = 0;
        for (int k = 0; k < MAX_ORDER; k++) {
            double precision =
                    numerators[k] == 0 ? EPSILON / denominators[k] : (double) numerators[k] / denominators[k];
            logSum += 0.25 * Math.log(precision);
        }
        double brevityPenalty = hypothesisLength > closestReferenceLength
                ? 1.0
                : Math.exp(1.0 - (double) closestReferenceLength / hypothesisLength);
        return brevityPenalty * Math.exp(logSum);
    }
}
