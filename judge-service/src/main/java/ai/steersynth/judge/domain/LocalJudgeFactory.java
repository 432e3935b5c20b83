package ai.steersynth.judge.domain;

import ai.steersynth.contracts.sweep.ModelSource;

/** Creates a rubric judge on a model this service runs itself; the adapter lives in the {@code engine} package. */
@FunctionalInterface
public interface LocalJudgeFactory {

    /**
     * A judge running {@code model}.
     *
     * @throws UnsupportedJudgeException naming the reason when the model cannot be loaded here
     */
    Judge create(ModelSource model);

    /** No local models: every request is unsupported. */
    LocalJudgeFactory NONE = model -> {
        throw new UnsupportedJudgeException(
                JudgeRegistry.LOCAL_LLM + ":" + model.asText(), "this judge service runs no local models");
    };
}
