package ai.steersynth.engine.steering.extract;

/**
 * One layer's contrastive activations: row {@code i} of {@code positive} and {@code negative} comes
 * from pair {@code i}. The arrays are not copied (they can be large); treat them as read-only.
 *
 * @param layer the 0-based block whose output (the residual stream after it) was read
 * @param positive per pair, the activation of the concept-expressing side, {@code [pairs][hidden]}
 * @param negative per pair, the activation of the other side, {@code [pairs][hidden]}
 * @param meanResidualNorm the mean L2 norm of the residual stream at this layer over every position
 *     read (both sides of every pair): the scale of relative strengths
 */
public record LayerActivations(int layer, float[][] positive, float[][] negative, double meanResidualNorm) {

    public LayerActivations {
        if (layer < 0) {
            throw new IllegalArgumentException("layer must be >= 0, was " + layer);
        }
        if (positive == null || negative == null || positive.length == 0 || positive.length != negative.length) {
            throw new IllegalArgumentException("need the same positive number of positive and negative rows");
        }
        int hidden = positive[0].length;
        for (int i = 0; i < positive.length; i++) {
            if (positive[i].length != hidden || negative[i].length != hidden) {
                throw new IllegalArgumentException("pair " + i + " does not have " + hidden + " values per side");
            }
        }
        if (!(meanResidualNorm > 0) || !Double.isFinite(meanResidualNorm)) {
            throw new IllegalArgumentException("meanResidualNorm must be finite and positive, was " + meanResidualNorm);
        }
    }

    /** Number of pairs. */
    public int pairCount() {
        return positive.length;
    }

    /** Residual width. */
    public int hiddenSize() {
        return positive[0].length;
    }
}
