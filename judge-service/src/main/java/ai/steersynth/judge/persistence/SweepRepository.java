package ai.steersynth.judge.persistence;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.JudgeSettings;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.contracts.sweep.SweepSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sweeps as the judge needs them: judge settings, cancellation and each config's concept. */
@Repository
public class SweepRepository {

    private final JdbcClient jdbc;

    public SweepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a sweep and its configs, each with the source of its model when {@code modelSources} names
     * it and the version of its concept pack when {@code packContentHashes} names it; a sweep already
     * stored is left as it is.
     */
    public void insert(
            String sweepId,
            SweepSettings settings,
            List<ConfigSpec> configs,
            Map<String, ModelSource> modelSources,
            Map<String, String> packContentHashes) {
        jdbc.sql("INSERT INTO judge_sweep (id, settings) VALUES (?, ?::jsonb) ON CONFLICT (id) DO NOTHING")
                .params(sweepId, EventCodec.encode(settings))
                .update();
        for (ConfigSpec config : configs) {
            ModelSource model = config.modelId() == null ? null : modelSources.get(config.modelId());
            jdbc.sql("""
                            INSERT INTO judge_config (id, sweep_id, concept_id, model_source, expected_pack_hash)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                    .params(
                            config.configId(),
                            sweepId,
                            config.conceptId(),
                            model == null ? null : model.asText(),
                            packContentHashes.get(config.conceptId()))
                    .update();
        }
    }

    /** Marks a sweep cancelled; returns false when the sweep is unknown. */
    public boolean cancel(String sweepId) {
        return jdbc.sql("UPDATE judge_sweep SET cancelled = true WHERE id = ?")
                        .param(sweepId)
                        .update()
                == 1;
    }

    /** What judging a sample of this config needs, when its sweep is known. */
    public Optional<ConfigContext> findConfig(String configId) {
        return jdbc.sql("""
                        SELECT c.id, c.sweep_id, c.concept_id, c.expected_pack_hash, c.model_source, s.settings,
                            s.cancelled
                        FROM judge_config c JOIN judge_sweep s ON s.id = c.sweep_id WHERE c.id = ?""")
                .param(configId)
                .query((rs, n) -> new ConfigContext(
                        rs.getString("id"),
                        rs.getString("sweep_id"),
                        rs.getString("concept_id"),
                        rs.getString("expected_pack_hash"),
                        judgeSettings(rs.getString("settings")),
                        rs.getBoolean("cancelled"),
                        modelSource(rs.getString("model_source"))))
                .optional();
    }

    /**
     * The (sweep, concept) pairs of sweeps not cancelled whose judge validity has not been announced yet
     * (no message log entry {@code <eventIdPrefix><sweepId>:<conceptId>} for {@code consumer}) and whose
     * pack version is here (the one the sweep was created with, else the latest), oldest sweep first, at
     * most {@code limit}.
     */
    public List<PendingValidity> pendingValidity(String eventIdPrefix, String consumer, int limit) {
        return jdbc.sql("""
                        SELECT DISTINCT c.sweep_id, c.concept_id, v.content_hash, s.settings, s.created_at
                        FROM judge_config c
                        JOIN judge_sweep s ON s.id = c.sweep_id
                        LEFT JOIN judge_pack p ON p.id = c.concept_id
                        JOIN judge_pack_version v
                            ON v.id = c.concept_id AND v.content_hash = COALESCE(c.expected_pack_hash, p.content_hash)
                        WHERE NOT s.cancelled AND NOT EXISTS (
                            SELECT 1 FROM message_log m
                            WHERE m.consumer = ? AND m.event_id = ? || c.sweep_id || ':' || c.concept_id)
                        ORDER BY s.created_at, c.sweep_id, c.concept_id LIMIT ?""")
                .params(consumer, eventIdPrefix, limit)
                .query((rs, n) -> new PendingValidity(
                        rs.getString("sweep_id"),
                        rs.getString("concept_id"),
                        rs.getString("content_hash"),
                        judgeSettings(rs.getString("settings"))))
                .list();
    }

    private static ModelSource modelSource(String text) {
        return text == null ? null : ModelSource.parse(text);
    }

    private static JudgeSettings judgeSettings(String json) {
        JudgeSettings judge = EventCodec.decode(json, SweepSettings.class).judge();
        return judge == null ? JudgeSettings.defaults() : judge;
    }

    /**
     * A config with its sweep's judge settings.
     *
     * @param configId the config
     * @param sweepId its sweep
     * @param conceptId its concept pack
     * @param packContentHash the pack version the sweep was created with, or {@code null} when the sweep
     *     named none (then samples are judged against the latest version)
     * @param judge the sweep's judge settings (defaults when the sweep gave none)
     * @param cancelled whether the sweep was cancelled
     * @param model the source of the config's model, or {@code null} when the sweep named none
     */
    public record ConfigContext(
            String configId,
            String sweepId,
            String conceptId,
            String packContentHash,
            JudgeSettings judge,
            boolean cancelled,
            ModelSource model) {}

    /**
     * A sweep's concept whose judge validity is still to be announced.
     *
     * @param sweepId the sweep
     * @param conceptId one of its concepts
     * @param packContentHash the version of the concept's pack to assess on: the one the sweep was created
     *     with, else the latest when the pair was read
     * @param judge the sweep's judge settings
     */
    public record PendingValidity(String sweepId, String conceptId, String packContentHash, JudgeSettings judge) {}
}
