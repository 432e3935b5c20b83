package ai.steersynth.sweep.domain;

import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.contracts.sweep.StrengthMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The grid a user asks for: concepts x models x methods x layers x strengths. Per (concept, model)
 * the grid always adds a prompting baseline and an original-data reference (ARCHITECTURE §1).
 */
public record SweepGrid(
        List<String> concepts,
        List<String> models,
        List<SteeringMethod> methods,
        List<Integer> layers,
        List<Double> strengths,
        StrengthMode strengthMode,
        PositionPolicy positionPolicy) {

    /** How many configs {@link #expand} produces, without building them (for limit checks). */
    public long configCount() {
        long steered = (long) methods.size() * layers.size() * strengths.size();
        return (long) concepts.size() * models.size() * (steered + 2);
    }

    /**
     * Expands the grid into configs with ids {@code <sweepId>-c<ordinal>}, in a stable order:
     * concept, model, then steered configs by method, layer, strength, then the baseline and the reference.
     */
    public List<ConfigSpec> expand(String sweepId) {
        List<ConfigSpec> configs = new ArrayList<>();
        for (String concept : concepts) {
            for (String model : models) {
                for (SteeringMethod method : methods) {
                    for (Integer layer : layers) {
                        for (Double strength : strengths) {
                            configs.add(new ConfigSpec(
                                    configId(sweepId, configs.size()),
                                    sweepId,
                                    ConfigKind.STEERED,
                                    concept,
                                    model,
                                    method,
                                    layer,
                                    strength,
                                    strengthMode,
                                    positionPolicy));
                        }
                    }
                }
                configs.add(unsteered(sweepId, configs.size(), ConfigKind.PROMPTING_BASELINE, concept, model));
                configs.add(unsteered(sweepId, configs.size(), ConfigKind.ORIGINAL_DATA, concept, model));
            }
        }
        return configs;
    }

    private static ConfigSpec unsteered(String sweepId, int ordinal, ConfigKind kind, String concept, String model) {
        return new ConfigSpec(configId(sweepId, ordinal), sweepId, kind, concept, model, null, null, null, null, null);
    }

    /** The id of a sweep's {@code ordinal}-th config. */
    public static String configId(String sweepId, int ordinal) {
        return "%s-c%03d".formatted(sweepId, ordinal);
    }

    /** The ordinal encoded in a config id. */
    public static int ordinalOf(String configId) {
        return Integer.parseInt(configId.substring(configId.lastIndexOf("-c") + 2));
    }
}
