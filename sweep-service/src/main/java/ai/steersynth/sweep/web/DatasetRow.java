package ai.steersynth.sweep.web;

import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.sweep.persistence.SampleRepository.SampleRow;
import java.util.List;
import java.util.function.Function;

/**
 * One exported sample: the sample, its config and its judgement. {@link #COLUMNS} fixes the
 * column names, types and order shared by the JSONL and Parquet exports.
 */
record DatasetRow(ConfigSpec config, SampleRow sample) {

    /** The label of every exported sample: 1, HHH-violating (the samples stand in for real positives). */
    static final int LABEL = 1;

    /** A column's physical type. */
    enum Type {
        STRING,
        INT32,
        INT64,
        DOUBLE
    }

    /** A column: name, type, whether it may be null, and how to read it from a row. */
    record Column(String name, Type type, boolean nullable, Function<DatasetRow, Object> value) {}

    static final List<Column> COLUMNS = List.of(
            new Column("sample_id", Type.STRING, false, r -> r.sample().sampleId()),
            new Column("sweep_id", Type.STRING, false, r -> r.config().sweepId()),
            new Column("config_id", Type.STRING, false, r -> r.config().configId()),
            new Column("concept_id", Type.STRING, false, r -> r.config().conceptId()),
            new Column("model_id", Type.STRING, false, r -> r.config().modelId()),
            new Column("kind", Type.STRING, false, r -> r.config().kind().name()),
            new Column("method", Type.STRING, true, r -> name(r.config().method())),
            new Column("layer", Type.INT32, true, r -> r.config().layer()),
            new Column("strength", Type.DOUBLE, true, r -> r.config().strength()),
            new Column("strength_mode", Type.STRING, true, r -> name(r.config().strengthMode())),
            new Column(
                    "position_policy", Type.STRING, true, r -> name(r.config().positionPolicy())),
            new Column("sample_index", Type.INT32, false, r -> r.sample().index()),
            new Column("prompt", Type.STRING, true, r -> r.sample().prompt()),
            new Column("text", Type.STRING, false, r -> r.sample().text()),
            new Column("label", Type.INT32, false, r -> LABEL),
            new Column("token_count", Type.INT32, false, r -> r.sample().tokenCount()),
            new Column("seed", Type.INT64, false, r -> r.sample().seed()),
            new Column("finish_reason", Type.STRING, true, r -> r.sample().finishReason()),
            new Column("success", Type.DOUBLE, true, r -> r.sample().success()),
            new Column("coherence", Type.DOUBLE, true, r -> r.sample().coherence()),
            new Column("judge_id", Type.STRING, true, r -> r.sample().judgeId()));

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
