package ai.steersynth.trainer.persistence;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.contracts.sweep.SweepSettings;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sweeps the trainer has been told about. Callers own the transaction. */
@Repository
public class SweepRepository {

    private final JdbcClient jdbc;

    public SweepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a sweep without model sources unless it is known; returns whether it was new. */
    public boolean insert(String sweepId, SweepSettings settings) {
        return insert(sweepId, settings, Map.of());
    }

    /**
     * Stores a sweep unless it is known; returns whether it was new.
     *
     * @param modelSources where each model of the sweep lives, by model id (kept in their user-facing form)
     */
    public boolean insert(String sweepId, SweepSettings settings, Map<String, ModelSource> modelSources) {
        Map<String, String> sources = new TreeMap<>();
        modelSources.forEach((id, source) -> sources.put(id, source.asText()));
        return jdbc.sql("""
                        INSERT INTO training_sweep (sweep_id, settings, model_sources) VALUES (?, ?::jsonb, ?::jsonb)
                        ON CONFLICT (sweep_id) DO NOTHING""")
                        .params(sweepId, EventCodec.encode(settings), EventCodec.encode(sources))
                        .update()
                == 1;
    }

    public Optional<SweepRow> find(String sweepId) {
        return jdbc.sql("SELECT sweep_id, settings, cancelled, model_sources FROM training_sweep WHERE sweep_id = ?")
                .param(sweepId)
                .query((rs, n) -> new SweepRow(
                        rs.getString("sweep_id"),
                        EventCodec.decode(rs.getString("settings"), SweepSettings.class),
                        rs.getBoolean("cancelled"),
                        modelSources(rs.getString("model_sources"))))
                .optional();
    }

    private static Map<String, ModelSource> modelSources(String json) {
        Map<String, ModelSource> sources = new TreeMap<>();
        EventCodec.decode(json, Map.class)
                .forEach((id, text) -> sources.put((String) id, ModelSource.parse((String) text)));
        return sources;
    }

    /** Marks the sweep cancelled and its configs that have not finished CANCELLED; returns those configs' count. */
    public int cancel(String sweepId, String reason) {
        jdbc.sql("UPDATE training_sweep SET cancelled = true, cancel_reason = ? WHERE sweep_id = ?")
                .params(reason, sweepId)
                .update();
        return jdbc.sql("""
                        UPDATE training_config SET status = 'CANCELLED', finished_at = now()
                        WHERE sweep_id = ? AND status IN ('WAITING', 'STARTED')""").param(sweepId).update();
    }
}
