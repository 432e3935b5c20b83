package ai.steersynth.contracts.sweep;

/**
 * One point of a sweep. Steering fields are null for the baseline and original-data kinds.
 *
 * @param configId globally unique id, the key of every event about this config
 * @param sweepId the sweep it belongs to
 * @param kind steered, prompting baseline or original data
 * @param conceptId the concept pack id
 * @param modelId the model id
 * @param method steering method, or null
 * @param layer the residual layer the vector is added after, or null
 * @param strength steering strength, or null
 * @param strengthMode how the strength is read, or null
 * @param positionPolicy which positions are steered, or null
 */
public record ConfigSpec(
        String configId,
        String sweepId,
        ConfigKind kind,
        String conceptId,
        String modelId,
        SteeringMethod method,
        Integer layer,
        Double strength,
        StrengthMode strengthMode,
        PositionPolicy positionPolicy) {

    /** A short human label, e.g. {@code toxicity/PCA/L12/x0.5} or {@code toxicity/prompting}. */
    public String label() {
        return switch (kind) {
            case STEERED -> conceptId + "/" + method + "/L" + layer + "/x" + strength;
            case PROMPTING_BASELINE -> conceptId + "/prompting";
            case ORIGINAL_DATA -> conceptId + "/original";
        };
    }
}
