package ai.steersynth.metrics.persistence;

import ai.steersynth.contracts.sweep.ConfigSpec;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the configs and their measurement state. Callers own the transaction. Every writer first takes the
 * config's row lock ({@link #lock}, {@link #register}, or an update), so the claim that follows sees whatever a
 * concurrent handler of another topic committed.
 */
@Repository
public class ConfigRepository {

    /**
     * A WAITING config whose sweep is known and live, whose completion has arrived with at least one sample, and
     * whose samples are all stored. {@code %s} is the column the claim is restricted by.
     */
    private static final String CLAIM_READY = """
            UPDATE metrics_config c SET state = 'CLAIMED', claimed_at = now(), attempts = 0
            WHERE c.%s = ? AND c.state = 'WAITING' AND c.kind IS NOT NULL AND c.sample_count > 0
              AND EXISTS (SELECT 1 FROM metrics_sweep s
                          WHERE s.sweep_id = c.sweep_id AND s.mattr_window IS NOT NULL AND NOT s.cancelled)
              AND (SELECT count(*) FROM metrics_sample m WHERE m.config_id = c.config_id) >= c.sample_count
            RETURNING c.config_id""";

    private final JdbcClient jdbc;

    public ConfigRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a config named by SweepCreated: WAITING when it generates, NOT_APPLICABLE otherwise. */
    public void register(ConfigSpec config) {
        ConfigState initial = config.kind().generates() ? ConfigState.WAITING : ConfigState.NOT_APPLICABLE;
        jdbc.sql("""
                        INSERT INTO metrics_config (config_id, sweep_id, kind, state) VALUES (?, ?, ?, ?)
                        ON CONFLICT (config_id) DO UPDATE SET kind = EXCLUDED.kind""")
                .params(config.configId(), config.sweepId(), config.kind().name(), initial.name())
                .update();
    }

    /** Creates the config's row if a sample event is the first to name it, and locks the row either way. */
    public void lock(String configId, String sweepId) {
        jdbc.sql("""
                        INSERT INTO metrics_config (config_id, sweep_id) VALUES (?, ?)
                        ON CONFLICT (config_id) DO UPDATE SET sweep_id = metrics_config.sweep_id""").params(configId, sweepId).update();
    }

    /** Records how many samples the generator published; the first completion wins. */
    public void recordCompletion(String configId, int sampleCount) {
        jdbc.sql("UPDATE metrics_config SET sample_count = ? WHERE config_id = ? AND sample_count IS NULL")
                .params(sampleCount, configId)
                .update();
    }

    /** Ends a WAITING config without a measurement, e.g. GENERATION_FAILED; returns whether it was WAITING. */
    public boolean endWaiting(String configId, ConfigState state, String reason) {
        return jdbc.sql("""
                                UPDATE metrics_config SET state = ?, failure_reason = ?, finished_at = now()
                                WHERE config_id = ? AND state = 'WAITING'""").params(state.name(), reason, configId).update() == 1;
    }

    /** Cancels every config of the sweep that is not yet reported; returns how many. */
    public int cancelOpenConfigs(String sweepId) {
        return jdbc.sql("""
                        UPDATE metrics_config SET state = 'CANCELLED', finished_at = now()
                        WHERE sweep_id = ? AND state IN ('WAITING', 'CLAIMED')""").param(sweepId).update();
    }

    /** Claims the config if everything it needs is in; returns its id when claimed. */
    public Optional<String> claimIfReady(String configId) {
        return jdbc.sql(CLAIM_READY.formatted("config_id"))
                .param(configId)
                .query(String.class)
                .optional();
    }

    /** Claims every config of the sweep whose inputs are all in; returns the claimed ids. */
    public List<String> claimReadyOfSweep(String sweepId) {
        return jdbc.sql(CLAIM_READY.formatted("sweep_id"))
                .param(sweepId)
                .query(String.class)
                .list();
    }

    /**
     * Starts a measurement run of a CLAIMED config: counts the attempt and returns what the run needs; empty when
     * the config is no longer claimed (reported, given up or cancelled meanwhile).
     */
    public Optional<Measurement> startRun(String configId) {
        return jdbc.sql("""
                        UPDATE metrics_config c SET attempts = c.attempts + 1
                        FROM metrics_sweep s
                        WHERE c.config_id = ? AND c.state = 'CLAIMED' AND s.sweep_id = c.sweep_id
                        RETURNING c.config_id, c.sweep_id, c.sample_count, s.mattr_window, c.attempts""")
                .param(configId)
                .query((rs, n) -> new Measurement(
                        rs.getString("config_id"),
                        rs.getString("sweep_id"),
                        rs.getInt("sample_count"),
                        rs.getInt("mattr_window"),
                        rs.getInt("attempts")))
                .optional();
    }

    /** Locks the config's row and returns its state; empty for an unknown config. */
    public Optional<ConfigState> lockState(String configId) {
        return jdbc.sql("SELECT state FROM metrics_config WHERE config_id = ? FOR UPDATE")
                .param(configId)
                .query(String.class)
                .optional()
                .map(ConfigState::valueOf);
    }

    /** Moves a config to a final state after its run (REPORTED or FAILED), keeping the reason of a failure. */
    public void finishRun(String configId, ConfigState state, String reason) {
        jdbc.sql("""
                        UPDATE metrics_config SET state = ?, failure_reason = coalesce(?, failure_reason),
                            finished_at = now() WHERE config_id = ?""").params(state.name(), reason, configId).update();
    }

    /** Keeps the reason of a failed run on a config that stays CLAIMED for another attempt. */
    public void recordRunFailure(String configId, String reason) {
        jdbc.sql("UPDATE metrics_config SET failure_reason = ? WHERE config_id = ?")
                .params(reason, configId)
                .update();
    }

    /** The configs claimed but not finished, oldest claim first: the work a restart must resume. */
    public List<String> claimed() {
        return jdbc.sql("SELECT config_id FROM metrics_config WHERE state = 'CLAIMED' ORDER BY claimed_at, config_id")
                .query(String.class)
                .list();
    }
}
