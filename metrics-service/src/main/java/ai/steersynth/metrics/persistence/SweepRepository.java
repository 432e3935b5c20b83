package ai.steersynth.metrics.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the sweeps this service has heard of. Callers own the transaction. */
@Repository
public class SweepRepository {

    private final JdbcClient jdbc;

    public SweepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a created sweep's MATTR window (the row may already exist if its cancellation came first). */
    public void recordCreated(String sweepId, int mattrWindow) {
        jdbc.sql("""
                        INSERT INTO metrics_sweep (sweep_id, mattr_window) VALUES (?, ?)
                        ON CONFLICT (sweep_id) DO UPDATE SET mattr_window = EXCLUDED.mattr_window""").params(sweepId, mattrWindow).update();
    }

    /** Marks the sweep cancelled, creating its row if its creation has not arrived yet. */
    public void recordCancelled(String sweepId, String reason) {
        jdbc.sql("""
                        INSERT INTO metrics_sweep (sweep_id, cancelled, cancel_reason) VALUES (?, true, ?)
                        ON CONFLICT (sweep_id) DO UPDATE SET cancelled = true, cancel_reason = EXCLUDED.cancel_reason""").params(sweepId, reason).update();
    }

    /** Whether the sweep is known to be cancelled. */
    public boolean isCancelled(String sweepId) {
        return jdbc.sql("SELECT cancelled FROM metrics_sweep WHERE sweep_id = ?")
                .param(sweepId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
