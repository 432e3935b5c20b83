package ai.steersynth.generator.domain;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.ModelSource;

/** Turns a steered config into a vector in hand (extracting it, or taking it from the cache). */
public interface SteeringResolver {

    /**
     * @throws IllegalArgumentException with a message for the user when the config cannot be steered
     *     (e.g. a layer the model does not have)
     */
    ResolvedSteering resolve(ModelSource model, ConfigSpec config, ConceptPack pack);
}
