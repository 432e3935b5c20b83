package ai.steersynth.sweep.persistence;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.pack.ConceptPack;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored concept packs (the whole pack as JSONB, plus what listings need). */
@Repository
public class PackRepository {

    private final JdbcClient jdbc;

    public PackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces a pack; returns true when it was new. */
    public boolean upsert(ConceptPack pack, String contentHash) {
        boolean existed = exists(pack.id());
        jdbc.sql("""
                        INSERT INTO concept_pack (id, name, content_hash, pack) VALUES (?, ?, ?, ?::jsonb)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, content_hash = excluded.content_hash,
                            pack = excluded.pack, updated_at = now()""")
                .params(pack.id(), pack.name(), contentHash, EventCodec.encode(pack))
                .update();
        return !existed;
    }

    public boolean exists(String id) {
        return jdbc.sql("SELECT count(*) FROM concept_pack WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Optional<ConceptPack> find(String id) {
        return jdbc.sql("SELECT pack FROM concept_pack WHERE id = ?")
                .param(id)
                .query((rs, n) -> EventCodec.decode(rs.getString("pack"), ConceptPack.class))
                .optional();
    }

    public Optional<String> contentHash(String id) {
        return jdbc.sql("SELECT content_hash FROM concept_pack WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    public List<PackSummaryRow> list() {
        return jdbc.sql("""
                        SELECT id, name, content_hash, updated_at,
                            jsonb_array_length(pack->'contrastivePairs') AS pairs,
                            jsonb_array_length(pack->'generationPrompts') AS prompts,
                            jsonb_array_length(pack->'detectorData'->'train') AS train,
                            jsonb_array_length(pack->'detectorData'->'judge') AS judge,
                            jsonb_array_length(pack->'detectorData'->'test') AS test
                        FROM concept_pack ORDER BY id""")
                .query((rs, n) -> new PackSummaryRow(
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getString("content_hash"),
                        rs.getInt("pairs"),
                        rs.getInt("prompts"),
                        rs.getInt("train"),
                        rs.getInt("judge"),
                        rs.getInt("test"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM concept_pack WHERE id = ?").param(id).update() == 1;
    }

    /** What a pack listing shows. */
    public record PackSummaryRow(
            String id,
            String name,
            String contentHash,
            int contrastivePairs,
            int generationPrompts,
            int trainExamples,
            int judgeExamples,
            int testExamples,
            Instant updatedAt) {}
}
