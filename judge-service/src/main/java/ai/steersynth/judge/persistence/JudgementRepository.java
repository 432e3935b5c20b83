package ai.steersynth.judge.persistence;

import ai.steersynth.judge.domain.JudgeResult;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Judgements per sample and judge, and the cache of scores per (judge, rubric version, input). */
@Repository
public class JudgementRepository {

    private final JdbcClient jdbc;

    public JudgementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a sample's judgement (scored or not); a second one for the same sample and judge is ignored. */
    public boolean insert(
            String sampleId, String judgeId, String configId, String sweepId, String rubricVersion, JudgeResult r) {
        return jdbc.sql("""
                        INSERT INTO judgement (sample_id, judge_id, config_id, sweep_id, rubric_version, success,
                            coherence, raw_output, unscored_reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(
                                sampleId,
                                judgeId,
                                configId,
                                sweepId,
                                rubricVersion,
                                r.success(),
                                r.coherence(),
                                r.rawOutput() == null ? "" : r.rawOutput(),
                                r.unscoredReason())
                        .update()
                == 1;
    }

    /** A cached scored result. */
    public Optional<JudgeResult> cached(String judgeId, String rubricVersion, String inputHash) {
        return jdbc.sql("""
                        SELECT success, coherence, raw_output FROM judgement_cache
                        WHERE judge_id = ? AND rubric_version = ? AND input_hash = ?""")
                .params(judgeId, rubricVersion, inputHash)
                .query((rs, n) -> JudgeResult.scored(
                        rs.getDouble("success"), rs.getDouble("coherence"), rs.getString("raw_output"), 0))
                .optional();
    }

    /** Caches a scored result; the first writer wins. */
    public void cache(String judgeId, String rubricVersion, String inputHash, JudgeResult result) {
        jdbc.sql("""
                        INSERT INTO judgement_cache (judge_id, rubric_version, input_hash, success, coherence, raw_output)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(judgeId, rubricVersion, inputHash, result.success(), result.coherence(), result.rawOutput())
                .update();
    }

    /** Whether this consumer already handled the event (a cheap check before slow judging). */
    public boolean alreadyHandled(String eventId, String consumer) {
        return jdbc.sql("SELECT count(*) FROM message_log WHERE event_id = ? AND consumer = ?")
                        .params(eventId, consumer)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
