package ai.steersynth.trainer.persistence;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.result.DetectorRun;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Detector runs, at most one per config. Callers own the transaction. */
@Repository
public class DetectorRunRepository {

    private final JdbcClient jdbc;

    public DetectorRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a config's run; false when the config has one already.
     *
     * @param seedRuns one record per seed (composition, interval, detector parameters)
     */
    public boolean insert(
            String configId,
            String sweepId,
            String packContentHash,
            DetectorRun run,
            List<Map<String, Object>> seedRuns) {
        return jdbc.sql("""
                        INSERT INTO detector_run (config_id, sweep_id, detector_kind, pack_content_hash, seeds, auroc,
                            auroc_ci_low, auroc_ci_high, auroc_std, auprc, best_threshold_accuracy, run, seed_runs)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
                        ON CONFLICT (config_id) DO NOTHING""")
                        .params(
                                configId,
                                sweepId,
                                run.detectorKind(),
                                packContentHash,
                                run.seeds(),
                                run.auroc(),
                                run.aurocCiLow(),
                                run.aurocCiHigh(),
                                run.aurocStd(),
                                run.auprc(),
                                run.bestThresholdAccuracy(),
                                EventCodec.encode(run),
                                EventCodec.encode(seedRuns))
                        .update()
                == 1;
    }

    /** The stored run of a config. */
    public Optional<DetectorRun> find(String configId) {
        return jdbc.sql("SELECT run FROM detector_run WHERE config_id = ?")
                .param(configId)
                .query((rs, n) -> EventCodec.decode(rs.getString("run"), DetectorRun.class))
                .optional();
    }
}
