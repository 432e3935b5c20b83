package ai.steersynth.judge.persistence;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.judge.domain.JudgeConcept;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The judge's copy of concept packs: every version (definition, judge split and test split) by pack id and
 * content hash, and which version of each live pack is the latest.
 */
@Repository
public class PackRepository {

    private final JdbcClient jdbc;

    public PackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a version unless it is stored already, and makes it the pack's latest. */
    public void store(
            String id,
            String contentHash,
            String definition,
            List<LabelledExample> judgeSplit,
            List<LabelledExample> testSplit) {
        jdbc.sql("""
                        INSERT INTO judge_pack_version (id, content_hash, definition, judge_split, test_split)
                        VALUES (?, ?, ?, ?::jsonb, ?::jsonb) ON CONFLICT (id, content_hash) DO NOTHING""")
                .params(id, contentHash, definition, EventCodec.encode(judgeSplit), EventCodec.encode(testSplit))
                .update();
        jdbc.sql("""
                        INSERT INTO judge_pack (id, content_hash) VALUES (?, ?)
                        ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash, updated_at = now()""").params(id, contentHash).update();
    }

    /** Deletes the pack: sweeps that name none of its versions no longer find it; stored versions stay. */
    public void delete(String id) {
        jdbc.sql("DELETE FROM judge_pack WHERE id = ?").param(id).update();
    }

    /** The latest version of the concept as judges see it. */
    public Optional<JudgeConcept> findConcept(String id) {
        return jdbc.sql("""
                        SELECT v.id, v.content_hash, v.definition, v.judge_split
                        FROM judge_pack p JOIN judge_pack_version v ON v.id = p.id AND v.content_hash = p.content_hash
                        WHERE p.id = ?""").param(id).query(PackRepository::concept).optional();
    }

    /** One version of the concept as judges see it. */
    public Optional<JudgeConcept> findConcept(String id, String contentHash) {
        return jdbc.sql("""
                        SELECT id, content_hash, definition, judge_split FROM judge_pack_version
                        WHERE id = ? AND content_hash = ?""")
                .params(id, contentHash)
                .query(PackRepository::concept)
                .optional();
    }

    /** The test split of one version (empty when the version is not stored). */
    public List<LabelledExample> testSplit(String id, String contentHash) {
        return jdbc.sql("SELECT test_split FROM judge_pack_version WHERE id = ? AND content_hash = ?")
                .params(id, contentHash)
                .query((rs, n) -> examples(rs.getString("test_split")))
                .optional()
                .orElse(List.of());
    }

    private static JudgeConcept concept(ResultSet rs, int n) throws SQLException {
        return new JudgeConcept(
                rs.getString("id"),
                rs.getString("content_hash"),
                rs.getString("definition"),
                examples(rs.getString("judge_split")));
    }

    private static List<LabelledExample> examples(String json) {
        return Arrays.asList(EventCodec.decode(json, LabelledExample[].class));
    }
}
