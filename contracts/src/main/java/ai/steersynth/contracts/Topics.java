package ai.steersynth.contracts;

import java.util.regex.Pattern;

/**
 * Every Kafka topic name in one place. Keys are the aggregate id named in each topic's javadoc so a
 * config's events stay in order; dead-letter topics are {@code <topic>-dlt}.
 */
public final class Topics {

    /** Prefix of the per-model generation-task topics; the suffix is the model id. Key: config id. */
    public static final String GENERATION_TASKS_PREFIX = "steersynth.generation-tasks.";

    /** Concept packs as published by the sweep service (compacted). Key: pack id. */
    public static final String CONCEPT_PACKS = "steersynth.concept-packs";

    /** Sweep lifecycle: created (with its settings and configs), cancelled. Key: sweep id. */
    public static final String SWEEPS = "steersynth.sweeps";

    /** Generated samples and per-config generation completion. Key: config id. */
    public static final String SAMPLES = "steersynth.samples";

    /** Judgements of samples. Key: config id. */
    public static final String JUDGEMENTS = "steersynth.judgements";

    /** Diversity reports, one per config. Key: config id. */
    public static final String DIVERSITY_REPORTS = "steersynth.diversity-reports";

    /** Detector runs, one per config. Key: config id. */
    public static final String DETECTOR_RUNS = "steersynth.detector-runs";

    /** Model ids double as topic suffixes, so they are restricted to Kafka's legal characters. */
    public static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private Topics() {}

    /** The generation-task topic of one model. */
    public static String generationTasks(String modelId) {
        if (!MODEL_ID.matcher(modelId).matches()) {
            throw new IllegalArgumentException("model id '" + modelId + "' must match " + MODEL_ID.pattern());
        }
        return GENERATION_TASKS_PREFIX + modelId;
    }

    /** The dead-letter topic of a topic. */
    public static String deadLetter(String topic) {
        return topic + "-dlt";
    }
}
