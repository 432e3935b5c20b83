package ai.steersynth.engine.steering;

import ai.djl.ndarray.NDArray;

/** The steering kernel: a per-row vector added at per-position weights. */
public final class SteeringAdd {

    private SteeringAdd() {}

    /**
     * {@code hidden[b, s, :] += positionWeights[b, s] * scaledVectors[b, :]}, in place.
     *
     * @param hidden the residual stream {@code [batch, seq, hidden]}
     * @param positionWeights {@code [batch, seq, 1]}, 1 where a row is steered at a position, else 0
     * @param scaledVectors {@code [batch, 1, hidden]}: {@code strength * vector} per row, zeros for
     *     rows without steering (adding 0 leaves a value bit-for-bit unchanged)
     * @return {@code hidden}
     */
    public static NDArray addInPlace(NDArray hidden, NDArray positionWeights, NDArray scaledVectors) {
        // positionWeights goes first so the product belongs to the step's manager, not the request's
        return hidden.addi(positionWeights.mul(scaledVectors)); // [batch, seq, hidden]
    }
}
