package ai.steersynth.engine.steering.extract;

import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.StrengthMode;
import ai.steersynth.engine.steering.Steering;
import ai.steersynth.engine.steering.SteeringPositions;
import java.util.Arrays;
import java.util.Objects;

/**
 * A steering vector for one (concept, model, method, layer): a unit direction plus the mean residual
 * norm at its layer, so a strength can be relative (1.0 = one typical residual norm) or absolute.
 *
 * @param direction unit-norm, one value per hidden unit
 * @param meanResidualNorm the mean L2 norm of the residual at the layer over the positions read
 * @param provenance where it came from
 */
public record SteeringVector(float[] direction, double meanResidualNorm, VectorProvenance provenance) {

    /** How far from 1 a stored direction's norm may be (float rounding of a normalised vector). */
    static final double UNIT_TOLERANCE = 1e-4;

    public SteeringVector {
        Objects.requireNonNull(provenance, "provenance");
        direction = direction.clone();
        double norm = VectorMath.norm(direction);
        if (Math.abs(norm - 1) > UNIT_TOLERANCE) {
            throw new IllegalArgumentException("direction must be unit-norm, has norm " + norm);
        }
        if (!(meanResidualNorm > 0) || !Double.isFinite(meanResidualNorm)) {
            throw new IllegalArgumentException("meanResidualNorm must be finite and positive, was " + meanResidualNorm);
        }
    }

    /** The 0-based block after which the vector is added. */
    public int layer() {
        return provenance.layer();
    }

    /** The residual width. */
    public int hiddenSize() {
        return direction.length;
    }

    /** The norm of the added vector: {@code strength} itself, or times the mean residual norm when relative. */
    public double absoluteStrength(double strength, StrengthMode mode) {
        return mode == StrengthMode.RELATIVE ? strength * meanResidualNorm : strength;
    }

    /** {@code absoluteStrength(strength, mode) * direction}. */
    public float[] scaled(double strength, StrengthMode mode) {
        double scale = absoluteStrength(strength, mode);
        float[] out = new float[direction.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (scale * direction[i]);
        }
        return out;
    }

    /**
     * Where to add: an ActAdd vector at its first prompt positions whatever the policy, any other at
     * every position ({@code PROMPT_AND_GENERATION}) or generated positions only.
     */
    public SteeringPositions positions(PositionPolicy policy) {
        if (provenance.injectionPositions() > 0) {
            return SteeringPositions.firstPromptTokens(provenance.injectionPositions());
        }
        return policy == PositionPolicy.GENERATION_ONLY
                ? SteeringPositions.generatedOnly()
                : SteeringPositions.promptAndGenerated();
    }

    /** The engine steering for a generation row: this direction at its layer, scaled and positioned. */
    public Steering steering(double strength, StrengthMode mode, PositionPolicy policy) {
        return new Steering(
                new int[] {layer()}, direction, (float) absoluteStrength(strength, mode), positions(policy));
    }

    @Override
    public float[] direction() {
        return direction.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SteeringVector that
                && Arrays.equals(direction, that.direction)
                && Double.compare(meanResidualNorm, that.meanResidualNorm) == 0
                && provenance.equals(that.provenance);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(direction) * 31 + provenance.hashCode();
    }

    @Override
    public String toString() {
        return "SteeringVector[dim=" + direction.length + ", meanResidualNorm=" + meanResidualNorm + ", "
                + provenance.describe() + "]";
    }
}
