package ai.steersynth.generator.domain;

import ai.steersynth.contracts.sweep.ModelSource;
import java.util.List;

/** Generates a batch of samples on one model; rows may belong to different configs. */
public interface SampleGenerator {

    /**
     * Generates one text per job, in the jobs' order. The same job (prompt, steering, seed, decoding)
     * gives the same text whatever else is in the batch.
     */
    List<GeneratedText> generate(ModelSource model, List<SampleJob> jobs);
}
