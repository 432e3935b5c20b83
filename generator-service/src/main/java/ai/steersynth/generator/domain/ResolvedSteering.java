package ai.steersynth.generator.domain;

import ai.steersynth.contracts.sweep.PositionPolicy;

/**
 * A config's steering with its vector in hand: add {@code scale x direction} after {@code layer}.
 *
 * @param layer 0-based block index
 * @param direction unit vector
 * @param scale the absolute strength (relative strengths already multiplied by the mean residual norm)
 * @param positionPolicy which positions are steered
 * @param firstPromptTokens for ACTADD: steer only this many first prompt positions; 0 = not ACTADD
 */
public record ResolvedSteering(
        int layer, float[] direction, float scale, PositionPolicy positionPolicy, int firstPromptTokens) {}
