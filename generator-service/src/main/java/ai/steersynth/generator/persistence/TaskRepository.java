package ai.steersynth.generator.persistence;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.result.Sample;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.contracts.sweep.SweepSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tasks (one per config) and the samples published for them. Callers own the transaction. */
@Repository
public class TaskRepository {

    /** Task states. */
    public enum TaskState {
        PENDING,
        DONE,
        FAILED,
        CANCELLED
    }

    private final JdbcClient jdbc;

    public TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a task; returns false when it already existed (a redelivered task). */
    public boolean insert(ConfigSpec config, SweepSettings settings, ModelSource source, String packHash) {
        return jdbc.sql("""
                        INSERT INTO task (config_id, sweep_id, model_id, config, settings, model_source, pack_hash, state)
                        VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, 'PENDING')
                        ON CONFLICT (config_id) DO NOTHING""")
                        .params(
                                config.configId(),
                                config.sweepId(),
                                config.modelId(),
                                EventCodec.encode(config),
                                EventCodec.encode(settings),
                                EventCodec.encode(source),
                                packHash)
                        .update()
                == 1;
    }

    /** Pending tasks, oldest first, optionally only for some models. */
    public List<TaskRow> pending(Set<String> models, int limit) {
        String filter = models.isEmpty() ? "" : " AND model_id IN (:models)";
        var statement = jdbc.sql("SELECT * FROM task WHERE state = 'PENDING'" + filter
                        + " ORDER BY created_at, config_id LIMIT :limit")
                .param("limit", limit);
        if (!models.isEmpty()) {
            statement = statement.param("models", List.copyOf(models));
        }
        return statement.query(TaskRepository::taskRow).list();
    }

    public Optional<TaskRow> find(String configId) {
        return jdbc.sql("SELECT * FROM task WHERE config_id = ?")
                .param(configId)
                .query(TaskRepository::taskRow)
                .optional();
    }

    /** Locks a task row for a state change. */
    public Optional<TaskRow> lock(String configId) {
        return jdbc.sql("SELECT * FROM task WHERE config_id = ? FOR UPDATE")
                .param(configId)
                .query(TaskRepository::taskRow)
                .optional();
    }

    /** When the task arrived. */
    public java.time.Instant createdAt(String configId) {
        return jdbc.sql("SELECT created_at FROM task WHERE config_id = ?")
                .param(configId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .single();
    }

    public void setState(String configId, TaskState state, String error) {
        jdbc.sql("UPDATE task SET state = ?, error = ?, updated_at = now() WHERE config_id = ?")
                .params(state.name(), error, configId)
                .update();
    }

    /** Cancels the pending tasks of a sweep; returns how many. */
    public int cancelSweep(String sweepId) {
        return jdbc.sql(
                        "UPDATE task SET state = 'CANCELLED', updated_at = now() WHERE sweep_id = ? AND state = 'PENDING'")
                .param(sweepId)
                .update();
    }

    /**
     * The layers steered configs of one sweep use for one concept and model, sorted: what a single
     * pass over the pack's pairs should read.
     */
    public int[] steeredLayers(String sweepId, String modelId, String conceptId) {
        return jdbc.sql("""
                        SELECT DISTINCT (config->>'layer')::int AS layer FROM task
                        WHERE sweep_id = ? AND model_id = ? AND config->>'conceptId' = ? AND config->>'layer' IS NOT NULL
                        ORDER BY layer""").params(sweepId, modelId, conceptId).query(Integer.class).list().stream()
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** Indices already published for the config. */
    public Set<Integer> publishedIndices(String configId) {
        return Set.copyOf(jdbc.sql("SELECT sample_index FROM sample WHERE config_id = ?")
                .param(configId)
                .query(Integer.class)
                .list());
    }

    /** Records a sample; returns false when the index was already published. */
    public boolean insertSample(Sample sample) {
        return jdbc.sql("""
                        INSERT INTO sample (sample_id, config_id, sample_index, prompt, text, token_count, seed, finish_reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(
                                sample.sampleId(),
                                sample.configId(),
                                sample.index(),
                                sample.prompt(),
                                sample.text(),
                                sample.tokenCount(),
                                sample.seed(),
                                sample.finishReason())
                        .update()
                == 1;
    }

    public int sampleCount(String configId) {
        return jdbc.sql("SELECT count(*) FROM sample WHERE config_id = ?")
                .param(configId)
                .query(Integer.class)
                .single();
    }

    /** Samples of a config in index order (for exports and tests). */
    public List<Sample> samples(String configId) {
        return jdbc.sql("SELECT * FROM sample WHERE config_id = ? ORDER BY sample_index")
                .param(configId)
                .query((rs, n) -> new Sample(
                        rs.getString("sample_id"),
                        rs.getString("config_id"),
                        rs.getInt("sample_index"),
                        rs.getString("prompt"),
                        rs.getString("text"),
                        rs.getInt("token_count"),
                        rs.getLong("seed"),
                        rs.getString("finish_reason")))
                .list();
    }

    private static TaskRow taskRow(ResultSet rs, int n) throws SQLException {
        return new TaskRow(
                EventCodec.decode(rs.getString("config"), ConfigSpec.class),
                EventCodec.decode(rs.getString("settings"), SweepSettings.class),
                EventCodec.decode(rs.getString("model_source"), ModelSource.class),
                rs.getString("pack_hash"),
                TaskState.valueOf(rs.getString("state")),
                rs.getString("error"));
    }

    /** A stored task. */
    public record TaskRow(
            ConfigSpec config,
            SweepSettings settings,
            ModelSource modelSource,
            String packHash,
            TaskState state,
            String error) {}
}
