package ai.steersynth.trainer.persistence;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.ConfigSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Configs and their training state. Callers own the transaction. */
@Repository
public class ConfigRepository {

    private final JdbcClient jdbc;

    public ConfigRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a config as WAITING unless it is known.
     *
     * @param expectedPackHash the pack version the sweep was created with, which alone the config may bind to,
     *     or {@code null} when the sweep named none (then it binds to the latest version)
     */
    public void insert(ConfigSpec config, String expectedPackHash) {
        jdbc.sql("""
                        INSERT INTO training_config (config_id, sweep_id, kind, concept_id, spec, expected_pack_hash)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (config_id) DO NOTHING""")
                .params(
                        config.configId(),
                        config.sweepId(),
                        config.kind().name(),
                        config.conceptId(),
                        EventCodec.encode(config),
                        expectedPackHash)
                .update();
    }

    /**
     * Serialises every decision about one config (start, fail, finish) across listener threads and the training
     * pool; taken before reading the config's facts, held until the transaction ends.
     */
    public void lock(String configId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
                .param("training-config:" + configId)
                .query()
                .singleRow();
    }

    public Optional<ConfigRow> find(String configId) {
        return jdbc.sql("SELECT *, spec ->> 'modelId' AS model_id FROM training_config WHERE config_id = ?")
                .param(configId)
                .query(ConfigRepository::row)
                .optional();
    }

    /**
     * Ids of the configs of a concept still waiting for a pack version that may bind to version {@code contentHash}
     * (those that expect exactly it, and those that expect none), in id order.
     */
    public List<String> unbound(String conceptId, String contentHash) {
        return jdbc.sql("""
                        SELECT config_id FROM training_config
                        WHERE concept_id = ? AND pack_content_hash IS NULL AND status = 'WAITING'
                            AND (expected_pack_hash IS NULL OR expected_pack_hash = ?)
                        ORDER BY config_id""").params(conceptId, contentHash).query(String.class).list();
    }

    /** Binds the config to a pack version unless it is bound already (a config never changes version). */
    public void bindPack(String configId, String contentHash) {
        jdbc.sql("UPDATE training_config SET pack_content_hash = ? WHERE config_id = ? AND pack_content_hash IS NULL")
                .params(contentHash, configId)
                .update();
    }

    /** WAITING to STARTED; false when the config was not waiting (so it is started once only). */
    public boolean markStarted(String configId) {
        return jdbc.sql("""
                        UPDATE training_config SET status = 'STARTED', attempts = attempts + 1, started_at = now()
                        WHERE config_id = ? AND status = 'WAITING'""").param(configId).update() == 1;
    }

    /** Moves an unfinished config to a terminal status; false when it had finished already. */
    public boolean finish(String configId, TrainingStatus status, String failureReason) {
        return jdbc.sql("""
                        UPDATE training_config SET status = ?, failure_reason = ?, finished_at = now()
                        WHERE config_id = ? AND status IN ('WAITING', 'STARTED')""").params(status.name(), failureReason, configId).update() == 1;
    }

    /** Ids of the configs marked started but not finished, in id order. */
    public List<String> started() {
        return jdbc.sql("SELECT config_id FROM training_config WHERE status = 'STARTED' ORDER BY config_id")
                .query(String.class)
                .list();
    }

    private static ConfigRow row(ResultSet rs, int n) throws SQLException {
        return new ConfigRow(
                rs.getString("config_id"),
                rs.getString("sweep_id"),
                ConfigKind.valueOf(rs.getString("kind")),
                rs.getString("concept_id"),
                rs.getString("model_id"),
                rs.getString("pack_content_hash"),
                TrainingStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"));
    }
}
