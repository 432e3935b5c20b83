package ai.steersynth.judge.domain;

/**
 * {@code likelihood-repetition}: the offline judge's coherence when the generating model can be run.
 * Fluency comes from the unsteered model's mean per-token negative log-likelihood of the text (in nats,
 * conditioned on the chat-templated prompt), mapped to [0, 1] by a falling logistic:
 *
 * <pre>fluency = 1 / (1 + exp((meanNll - {@value #MIDPOINT}) / {@value #SCALE}))</pre>
 *
 * The midpoint and scale were chosen from SmolLM2-135M-Instruct's measured values (docs/judge.md): real
 * answers to their questions from the CAA test sets score a median of 2.7 nats (90th percentile 3.8),
 * human tweets without a prompt 5.1, and the same answers with their words shuffled a median of 7.6 (10th
 * percentile 6.8, minimum 5.2). So real text maps to about 0.97 and more, shuffled text to under 0.1.
 *
 * <p>A looping text is very likely under a language model once the loop has started (measured 0.6 to 2.2
 * nats), so likelihood alone would call it fluent; {@link RepetitionCoherence} catches exactly that case.
 * The coherence is their product, so either failure alone pulls it down (the same rule as inside {@link
 * RepetitionCoherence}, whose factors also multiply).
 */
public final class LikelihoodCoherence {

    /** The method name recorded in judgements. */
    public static final String NAME = "likelihood-repetition";

    /** Mean NLL (nats per token) at which fluency is 0.5. */
    static final double MIDPOINT = 5.5;

    /** Nats over which fluency falls from 0.73 to 0.27 around the midpoint. */
    static final double SCALE = 0.5;

    private LikelihoodCoherence() {}

    /** Fluency in (0, 1) from a mean per-token negative log-likelihood in nats. */
    public static double fluency(double meanNegativeLogLikelihood) {
        if (Double.isNaN(meanNegativeLogLikelihood) || meanNegativeLogLikelihood < 0) {
            throw new IllegalArgumentException(
                    "meanNegativeLogLikelihood must be a non-negative number, got " + meanNegativeLogLikelihood);
        }
        return 1.0 / (1.0 + Math.exp((meanNegativeLogLikelihood - MIDPOINT) / SCALE));
    }

    /** The coherence of a text from its likelihood and its repetition breakdown. */
    public static Breakdown score(double meanNegativeLogLikelihood, RepetitionCoherence.Breakdown repetition) {
        double fluency = fluency(meanNegativeLogLikelihood);
        return new Breakdown(fluency * repetition.coherence(), fluency, meanNegativeLogLikelihood, repetition);
    }

    /**
     * A coherence score with its components, kept in the judgement's raw output.
     *
     * @param coherence fluency times the repetition score
     * @param fluency the calibrated likelihood part
     * @param meanNegativeLogLikelihood what the fluency was computed from, in nats per token
     * @param repetition the repetition part
     */
    public record Breakdown(
            double coherence,
            double fluency,
            double meanNegativeLogLikelihood,
            RepetitionCoherence.Breakdown repetition) {}
}
