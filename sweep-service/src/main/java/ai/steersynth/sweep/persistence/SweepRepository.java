package ai.steersynth.sweep.persistence;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.contracts.sweep.StrengthMode;
import ai.steersynth.contracts.sweep.SweepSettings;
import ai.steersynth.sweep.domain.StageState;
import ai.steersynth.sweep.domain.SweepState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for sweeps and their configs. Callers own the transaction. */
@Repository
public class SweepRepository {

    private final JdbcClient jdbc;

    public SweepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a sweep row in state PENDING. */
    public void insertSweep(
            String id, String name, Object spec, String specHash, SweepSettings settings, Instant createdAt) {
        jdbc.sql("""
                        INSERT INTO sweep (id, name, state, spec, spec_hash, settings, created_at, updated_at)
                        VALUES (?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?)""")
                .params(
                        id,
                        name,
                        SweepState.PENDING.name(),
                        EventCodec.encode(spec),
                        specHash,
                        EventCodec.encode(settings),
                        java.sql.Timestamp.from(createdAt),
                        java.sql.Timestamp.from(createdAt))
                .update();
    }

    /**
     * Inserts a config with its stage states initialised for its kind.
     *
     * @param modelSource the model's registered source at submission ({@code ModelSource.asText()})
     * @param packContentHash the concept pack's content hash at submission
     */
    public void insertConfig(
            ConfigSpec config, int ordinal, int samplesRequested, String modelSource, String packContentHash) {
        boolean generates = config.kind().generates();
        jdbc.sql("""
                        INSERT INTO sweep_config (id, sweep_id, ordinal, kind, concept_id, model_id, method, layer,
                            strength, strength_mode, position_policy, samples_requested, generation_state,
                            model_source, pack_content_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        config.configId(),
                        config.sweepId(),
                        ordinal,
                        config.kind().name(),
                        config.conceptId(),
                        config.modelId(),
                        config.method() == null ? null : config.method().name(),
                        config.layer(),
                        config.strength(),
                        config.strengthMode() == null
                                ? null
                                : config.strengthMode().name(),
                        config.positionPolicy() == null
                                ? null
                                : config.positionPolicy().name(),
                        generates ? samplesRequested : 0,
                        (generates ? StageState.PENDING : StageState.NOT_APPLICABLE).name(),
                        modelSource,
                        packContentHash)
                .update();
    }

    public Optional<SweepRow> findSweep(String id) {
        return jdbc.sql("SELECT * FROM sweep WHERE id = ?")
                .param(id)
                .query(SweepRepository::sweepRow)
                .optional();
    }

    /** Locks the sweep row for a state change. */
    public Optional<SweepRow> lockSweep(String id) {
        return jdbc.sql("SELECT * FROM sweep WHERE id = ? FOR UPDATE")
                .param(id)
                .query(SweepRepository::sweepRow)
                .optional();
    }

    public List<SweepRow> listSweeps(int limit, int offset) {
        return jdbc.sql("SELECT * FROM sweep ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query(SweepRepository::sweepRow)
                .list();
    }

    public void updateState(String id, SweepState state, String cancelReason) {
        jdbc.sql(
                        "UPDATE sweep SET state = ?, cancel_reason = coalesce(?, cancel_reason), updated_at = now() WHERE id = ?")
                .params(state.name(), cancelReason, id)
                .update();
    }

    public List<ConfigRow> configsOf(String sweepId) {
        return jdbc.sql("SELECT * FROM sweep_config WHERE sweep_id = ? ORDER BY ordinal")
                .param(sweepId)
                .query(SweepRepository::configRow)
                .list();
    }

    public Optional<ConfigRow> findConfig(String configId) {
        return jdbc.sql("SELECT * FROM sweep_config WHERE id = ?")
                .param(configId)
                .query(SweepRepository::configRow)
                .optional();
    }

    /** Counts one more generated sample. */
    public void countSampleGenerated(String configId) {
        jdbc.sql("UPDATE sweep_config SET samples_generated = samples_generated + 1 WHERE id = ?")
                .param(configId)
                .update();
    }

    /** Sets the generation state (and the error, when failed). */
    public void markGeneration(String configId, StageState state, String error) {
        jdbc.sql("UPDATE sweep_config SET generation_state = ?, error = coalesce(?, error) WHERE id = ?")
                .params(state.name(), error, configId)
                .update();
    }

    /** Adds one judgement's scores to the config's sums. */
    public void countJudgement(String configId, double success, double coherence) {
        jdbc.sql("""
                        UPDATE sweep_config SET samples_judged = samples_judged + 1,
                            success_sum = success_sum + ?, coherence_sum = coherence_sum + ? WHERE id = ?""").params(success, coherence, configId).update();
    }

    /** Counts one sample the judge could not score. */
    public void countJudgementFailed(String configId) {
        jdbc.sql("UPDATE sweep_config SET judgements_failed = judgements_failed + 1 WHERE id = ?")
                .param(configId)
                .update();
    }

    /** Stores the config's diversity report (JSON). */
    public void storeDiversity(String configId, String reportJson) {
        jdbc.sql("UPDATE sweep_config SET diversity_report = ?::jsonb WHERE id = ?")
                .params(reportJson, configId)
                .update();
    }

    /** Records that the config's samples could not be measured, and why. */
    public void markDiversityFailed(String configId, String error) {
        jdbc.sql("UPDATE sweep_config SET diversity_failed = true, error = coalesce(error, ?) WHERE id = ?")
                .params(error, configId)
                .update();
    }

    /** Stores the config's detector run (JSON) or its failure. */
    public void storeDetectorRun(String configId, StageState state, String runJson, String error) {
        jdbc.sql("""
                        UPDATE sweep_config SET training_state = ?, detector_run = ?::jsonb,
                            error = coalesce(?, error) WHERE id = ?""").params(state.name(), runJson, error, configId).update();
    }

    /** Whether every config of the sweep is terminal in every stage that applies to it. */
    public boolean allConfigsTerminal(String sweepId) {
        Integer open = jdbc.sql("""
                        SELECT count(*) FROM sweep_config
                        WHERE sweep_id = ? AND (
                            training_state = 'PENDING'
                            OR generation_state = 'PENDING'
                            OR (kind <> 'ORIGINAL_DATA' AND generation_state = 'DONE' AND (
                                samples_judged + judgements_failed < samples_generated
                                OR (diversity_report IS NULL AND NOT diversity_failed))))""").param(sweepId).query(Integer.class).single();
        return open == 0;
    }

    private static SweepRow sweepRow(ResultSet rs, int n) throws SQLException {
        return new SweepRow(
                rs.getString("id"),
                rs.getString("name"),
                SweepState.valueOf(rs.getString("state")),
                rs.getString("spec"),
                rs.getString("spec_hash"),
                EventCodec.decode(rs.getString("settings"), SweepSettings.class),
                rs.getString("cancel_reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static ConfigRow configRow(ResultSet rs, int n) throws SQLException {
        String method = rs.getString("method");
        String mode = rs.getString("strength_mode");
        String policy = rs.getString("position_policy");
        Integer layer = (Integer) rs.getObject("layer");
        Double strength = (Double) rs.getObject("strength");
        ConfigSpec spec = new ConfigSpec(
                rs.getString("id"),
                rs.getString("sweep_id"),
                ConfigKind.valueOf(rs.getString("kind")),
                rs.getString("concept_id"),
                rs.getString("model_id"),
                method == null ? null : SteeringMethod.valueOf(method),
                layer,
                strength,
                mode == null ? null : StrengthMode.valueOf(mode),
                policy == null ? null : PositionPolicy.valueOf(policy));
        return new ConfigRow(
                spec,
                rs.getInt("ordinal"),
                rs.getInt("samples_requested"),
                rs.getInt("samples_generated"),
                StageState.valueOf(rs.getString("generation_state")),
                rs.getInt("samples_judged"),
                rs.getInt("judgements_failed"),
                rs.getDouble("success_sum"),
                rs.getDouble("coherence_sum"),
                rs.getString("diversity_report"),
                rs.getString("detector_run"),
                StageState.valueOf(rs.getString("training_state")),
                rs.getString("error"),
                rs.getString("model_source"),
                rs.getString("pack_content_hash"));
    }
}
