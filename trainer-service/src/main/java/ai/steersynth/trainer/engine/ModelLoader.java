package ai.steersynth.trainer.engine;

import ai.steersynth.contracts.sweep.ModelSource;

/** Loads a model from its source. */
@FunctionalInterface
public interface ModelLoader {

    /**
     * @throws IllegalArgumentException when the source cannot be found on this machine
     */
    LoadedModel load(ModelSource source);
}
