package ai.steersynth.sweep.persistence;

import ai.steersynth.contracts.event.JudgementEvent;
import ai.steersynth.sweep.domain.JudgeAssessment;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The judge's validity per (sweep, concept), as the judge-service announced it. */
@Repository
public class JudgeValidityRepository {

    private final JdbcClient jdbc;

    public JudgeValidityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an assessment; one already stored for the sweep and concept is kept. */
    public void insert(JudgementEvent.JudgeValidityAssessed e) {
        jdbc.sql("""
                        INSERT INTO sweep_judge_validity (sweep_id, concept_id, judge_id, rubric_version,
                            pack_content_hash, auroc, examples, positives, threshold, valid, reason, assessed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(
                        e.sweepId(),
                        e.conceptId(),
                        e.judgeId(),
                        e.rubricVersion(),
                        e.packContentHash(),
                        e.auroc(),
                        e.examples(),
                        e.positives(),
                        e.threshold(),
                        e.valid(),
                        e.reason(),
                        Timestamp.from(e.occurredAt()))
                .update();
    }

    /** The sweep's assessments by concept id. */
    public Map<String, JudgeAssessment> ofSweep(String sweepId) {
        Map<String, JudgeAssessment> out = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM sweep_judge_validity WHERE sweep_id = ? ORDER BY concept_id")
                .param(sweepId)
                .query((rs, n) -> new JudgeAssessment(
                        rs.getString("concept_id"),
                        rs.getString("judge_id"),
                        rs.getObject("auroc", Double.class),
                        rs.getInt("examples"),
                        rs.getDouble("threshold"),
                        rs.getObject("valid", Boolean.class),
                        rs.getString("reason")))
                .list()
                .forEach(a -> out.put(a.conceptId(), a));
        return out;
    }
}
