package ai.steersynth.generator.persistence;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.pack.ConceptPack;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The generator's copy of the concept packs it has been sent (latest version per id). */
@Repository
public class PackRepository {

    private final JdbcClient jdbc;

    public PackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(ConceptPack pack) {
        jdbc.sql("""
                        INSERT INTO concept_pack (id, content_hash, pack) VALUES (?, ?, ?::jsonb)
                        ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash, pack = excluded.pack,
                            updated_at = now()""")
                .params(
                        pack.id(),
                        pack.provenance() == null ? "" : pack.provenance().contentHash(),
                        EventCodec.encode(pack))
                .update();
    }

    public void delete(String id) {
        jdbc.sql("DELETE FROM concept_pack WHERE id = ?").param(id).update();
    }

    public Optional<ConceptPack> find(String id) {
        return jdbc.sql("SELECT pack FROM concept_pack WHERE id = ?")
                .param(id)
                .query((rs, n) -> EventCodec.decode(rs.getString("pack"), ConceptPack.class))
                .optional();
    }
}
