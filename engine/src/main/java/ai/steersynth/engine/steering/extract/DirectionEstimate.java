package ai.steersynth.engine.steering.extract;

import java.util.Arrays;

/**
 * What a method extracted at one layer.
 *
 * @param direction the unit direction, one value per hidden unit
 * @param pairIndices the pairs (rows of the activations) the direction was computed from
 * @param heldOutAccuracy the linear probe's accuracy on held-out pairs, {@code null} for other methods
 * @param injectionPositions for ActAdd, the number of first prompt positions to inject at; 0 when
 *     the positions are left to the steering configuration
 */
public record DirectionEstimate(float[] direction, int[] pairIndices, Double heldOutAccuracy, int injectionPositions) {

    public DirectionEstimate {
        direction = direction.clone();
        pairIndices = pairIndices.clone();
        double norm = VectorMath.norm(direction);
        if (Math.abs(norm - 1) > 1e-4) {
            throw new IllegalArgumentException("direction must be unit-norm, has norm " + norm);
        }
        if (pairIndices.length == 0) {
            throw new IllegalArgumentException("a direction comes from at least one pair");
        }
        if (injectionPositions < 0) {
            throw new IllegalArgumentException("injectionPositions must be >= 0, was " + injectionPositions);
        }
    }

    @Override
    public float[] direction() {
        return direction.clone();
    }

    @Override
    public int[] pairIndices() {
        return pairIndices.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DirectionEstimate that
                && Arrays.equals(direction, that.direction)
                && Arrays.equals(pairIndices, that.pairIndices)
                && java.util.Objects.equals(heldOutAccuracy, that.heldOutAccuracy)
                && injectionPositions == that.injectionPositions;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(direction);
    }

    @Override
    public String toString() {
        return "DirectionEstimate[dim=" + direction.length + ", pairs=" + pairIndices.length + ", heldOutAccuracy="
                + heldOutAccuracy + ", injectionPositions=" + injectionPositions + "]";
    }
}
