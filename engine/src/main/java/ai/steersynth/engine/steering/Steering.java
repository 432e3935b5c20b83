package ai.steersynth.engine.steering;

import java.util.Arrays;

/**
 * Adds {@code strength * vector} to the residual stream after each of {@code layers}, at the positions
 * {@code positions} selects. The vector is used as given (usually a unit direction, with the strength
 * carrying the scale); a strength of 0 is skipped entirely, so it reproduces the unsteered output.
 *
 * @param layers 0-based block indices; the add happens after the block (its output)
 * @param vector one value per hidden unit
 * @param strength the multiplier
 * @param positions where to add
 */
public record Steering(int[] layers, float[] vector, float strength, SteeringPositions positions) {

    public Steering {
        if (layers == null || layers.length == 0) {
            throw new IllegalArgumentException("steering needs at least one layer");
        }
        if (vector == null || vector.length == 0) {
            throw new IllegalArgumentException("steering needs a vector");
        }
        if (!Float.isFinite(strength)) {
            throw new IllegalArgumentException("strength must be finite, was " + strength);
        }
        layers = layers.clone();
        vector = vector.clone();
        positions = positions == null ? SteeringPositions.promptAndGenerated() : positions;
    }

    /** One layer, every position. */
    public static Steering atLayer(int layer, float[] vector, float strength) {
        return new Steering(new int[] {layer}, vector, strength, SteeringPositions.promptAndGenerated());
    }

    /** ActAdd: inject at the first {@code count} prompt positions of {@code layer}. */
    public static Steering actAdd(int layer, float[] vector, float strength, int count) {
        return new Steering(new int[] {layer}, vector, strength, SteeringPositions.firstPromptTokens(count));
    }

    /** Whether this steering touches {@code layer}. */
    public boolean appliesTo(int layer) {
        return strength != 0f && Arrays.stream(layers).anyMatch(l -> l == layer);
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Steering that
                && Arrays.equals(layers, that.layers)
                && Arrays.equals(vector, that.vector)
                && Float.compare(strength, that.strength) == 0
                && positions.equals(that.positions);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(layers) + Arrays.hashCode(vector)) + Float.hashCode(strength);
    }

    @Override
    public String toString() {
        return "Steering[layers=" + Arrays.toString(layers) + ", dim=" + vector.length + ", strength=" + strength
                + ", positions=" + positions + "]";
    }
}
