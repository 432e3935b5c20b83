package ai.steersynth.judge.persistence;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.judge.domain.JudgeConcept;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The judge's copy of concept packs: definition, judge split and test split. */
@Repository
public class PackRepository {

    private final JdbcClient jdbc;

    public PackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces a pack. */
    public void upsert(
            String id,
            String contentHash,
            String definition,
            List<LabelledExample> judgeSplit,
            List<LabelledExample> testSplit) {
        jdbc.sql("""
                        INSERT INTO judge_pack (id, content_hash, definition, judge_split, test_split)
                        VALUES (?, ?, ?, ?::jsonb, ?::jsonb)
                        ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash,
                            definition = excluded.definition, judge_split = excluded.judge_split,
                            test_split = excluded.test_split, updated_at = now()""")
                .params(id, contentHash, definition, EventCodec.encode(judgeSplit), EventCodec.encode(testSplit))
                .update();
    }

    public void delete(String id) {
        jdbc.sql("DELETE FROM judge_pack WHERE id = ?").param(id).update();
    }

    /** The concept as judges see it. */
    public Optional<JudgeConcept> findConcept(String id) {
        return jdbc.sql("SELECT id, content_hash, definition, judge_split FROM judge_pack WHERE id = ?")
                .param(id)
                .query((rs, n) -> new JudgeConcept(
                        rs.getString("id"),
                        rs.getString("content_hash"),
                        rs.getString("definition"),
                        examples(rs.getString("judge_split"))))
                .optional();
    }

    /** The pack's test split. */
    public List<LabelledExample> testSplit(String id) {
        return jdbc.sql("SELECT test_split FROM judge_pack WHERE id = ?")
                .param(id)
                .query((rs, n) -> examples(rs.getString("test_split")))
                .optional()
                .orElse(List.of());
    }

    private static List<LabelledExample> examples(String json) {
        return Arrays.asList(EventCodec.decode(json, LabelledExample[].class));
    }
}
