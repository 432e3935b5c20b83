package ai.steersynth.judge.persistence;

import ai.steersynth.judge.domain.ValidityReport;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Validity reports per (judge, rubric version, pack, pack content hash). */
@Repository
public class ValidityRepository {

    private final JdbcClient jdbc;

    public ValidityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ValidityReport> find(String judgeId, String rubricVersion, String packId, String contentHash) {
        return jdbc.sql("""
                        SELECT * FROM judge_validity
                        WHERE judge_id = ? AND rubric_version = ? AND pack_id = ? AND pack_content_hash = ?""")
                .params(judgeId, rubricVersion, packId, contentHash)
                .query((rs, n) -> new ValidityReport(
                        rs.getString("judge_id"),
                        rs.getString("rubric_version"),
                        rs.getString("pack_id"),
                        rs.getString("pack_content_hash"),
                        rs.getObject("auroc", Double.class),
                        rs.getInt("positives"),
                        rs.getInt("negatives"),
                        rs.getInt("unscored"),
                        rs.getDouble("threshold"),
                        rs.getBoolean("valid"),
                        rs.getTimestamp("computed_at").toInstant()))
                .optional();
    }

    /** Stores a report; a concurrent one for the same key wins if it was first. */
    public void insert(ValidityReport r) {
        jdbc.sql("""
                        INSERT INTO judge_validity (judge_id, rubric_version, pack_id, pack_content_hash, auroc,
                            positives, negatives, unscored, threshold, valid, computed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(
                        r.judgeId(),
                        r.rubricVersion(),
                        r.conceptId(),
                        r.packContentHash(),
                        r.auroc(),
                        r.positives(),
                        r.negatives(),
                        r.unscored(),
                        r.threshold(),
                        r.valid(),
                        Timestamp.from(r.computedAt()))
                .update();
    }
}
