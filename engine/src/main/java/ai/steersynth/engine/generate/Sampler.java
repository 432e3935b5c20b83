package ai.steersynth.engine.generate;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Picks the next token from one row's logits on the JVM, with the row's own random generator, so a
 * seed gives the same draw whatever else is in the batch.
 */
public final class Sampler {

    private Sampler() {}

    /** The candidates left after filtering, most likely first, with renormalised probabilities. */
    public record Candidates(int[] tokenIds, double[] probabilities) {}

    /**
     * The next token for {@code logits[offset .. offset + vocabulary)}.
     *
     * @param random the row's generator; not touched when decoding greedily
     */
    public static int sample(
            float[] logits, int offset, int vocabulary, SamplingParameters parameters, RandomGenerator random) {
        if (parameters.isGreedy()) {
            return argMax(logits, offset, vocabulary);
        }
        Candidates candidates = filter(logits, offset, vocabulary, parameters);
        double draw = random.nextDouble();
        double cumulative = 0;
        double[] probabilities = candidates.probabilities();
        for (int i = 0; i < probabilities.length; i++) {
            cumulative += probabilities[i];
            if (draw < cumulative) {
                return candidates.tokenIds()[i];
            }
        }
        // rounding can leave the cumulative sum a hair under 1
        return candidates.tokenIds()[probabilities.length - 1];
    }

    /** Index of the largest logit; the lowest index wins a tie. */
    public static int argMax(float[] logits, int offset, int vocabulary) {
        int best = 0;
        for (int i = 1; i < vocabulary; i++) {
            if (logits[offset + i] > logits[offset + best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Softmax at the temperature, then top-k, then top-p over the renormalised top-k set. Filtered
     * candidates come most likely first (ties by token id); with no filter at all, every token in id
     * order.
     */
    public static Candidates filter(float[] logits, int offset, int vocabulary, SamplingParameters parameters) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vocabulary; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        double temperature = parameters.temperature();
        double[] weights = new double[vocabulary];
        double total = 0;
        for (int i = 0; i < vocabulary; i++) {
            weights[i] = Math.exp((logits[offset + i] - max) / temperature);
            total += weights[i];
        }
        boolean topKLimits = parameters.topK() > 0 && parameters.topK() < vocabulary;
        boolean topPLimits = parameters.topP() < 1f;
        if (!topKLimits && !topPLimits) {
            double[] probabilities = new double[vocabulary];
            int[] ids = new int[vocabulary];
            for (int i = 0; i < vocabulary; i++) {
                ids[i] = i;
                probabilities[i] = weights[i] / total;
            }
            return new Candidates(ids, probabilities);
        }
        // The top-k set and the nucleus are both prefixes of the descending order, and only tokens above
        // a threshold can be in them: sort just those, lowering the threshold until the prefix is covered.
        int[] order;
        for (double threshold = total * 1e-4; ; threshold = threshold < Double.MIN_NORMAL ? 0 : threshold * 1e-4) {
            order = indicesAtLeast(weights, threshold);
            double mass = 0;
            for (int id : order) {
                mass += weights[id];
            }
            boolean covered = topKLimits ? order.length >= parameters.topK() : mass >= parameters.topP() * total;
            if (covered || threshold == 0) {
                break;
            }
        }
        int kept = topKLimits ? Math.min(parameters.topK(), order.length) : order.length;
        double keptTotal = total;
        if (topKLimits) {
            keptTotal = 0;
            for (int i = 0; i < kept; i++) {
                keptTotal += weights[order[i]];
            }
        }
        // top-p: a token stays while the mass ranked strictly above it is below topP (transformers' rule)
        int nucleus = 0;
        double above = 0;
        while (nucleus < kept && (nucleus == 0 || !topPLimits || above < parameters.topP() * keptTotal)) {
            above += weights[order[nucleus]];
            nucleus++;
        }
        int[] ids = Arrays.copyOf(order, nucleus);
        double[] probabilities = new double[nucleus];
        for (int i = 0; i < nucleus; i++) {
            probabilities[i] = weights[ids[i]] / above;
        }
        return new Candidates(ids, probabilities);
    }

    /** Token ids whose weight is at least {@code threshold}, by descending weight, ties by id. */
    private static int[] indicesAtLeast(double[] weights, double threshold) {
        int count = 0;
        for (double w : weights) {
            if (w >= threshold) {
                count++;
            }
        }
        Integer[] ids = new Integer[count];
        int n = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] >= threshold) {
                ids[n++] = i;
            }
        }
        Arrays.sort(
                ids,
                (a, b) -> weights[a] != weights[b] ? Double.compare(weights[b], weights[a]) : Integer.compare(a, b));
        return Arrays.stream(ids).mapToInt(Integer::intValue).toArray();
    }
}
