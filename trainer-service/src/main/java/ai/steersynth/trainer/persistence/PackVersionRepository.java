package ai.steersynth.trainer.persistence;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.pack.LabelledExample;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Concept pack versions (detector train and test splits), keyed by pack id and content hash. Callers own the transaction. */
@Repository
public class PackVersionRepository {

    private final JdbcClient jdbc;

    public PackVersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a version unless it is already stored; returns whether it was new. */
    public boolean insert(String packId, String contentHash, List<LabelledExample> train, List<LabelledExample> test) {
        return jdbc.sql("""
                        INSERT INTO pack_version (pack_id, content_hash, train, test) VALUES (?, ?, ?::jsonb, ?::jsonb)
                        ON CONFLICT (pack_id, content_hash) DO NOTHING""")
                        .params(packId, contentHash, EventCodec.encode(train), EventCodec.encode(test))
                        .update()
                == 1;
    }

    /**
     * Serialises binding configs to a pack's versions: taken both by the handler storing a version and by the one
     * storing a sweep's configs, so one of them always sees the other's rows. Held until the transaction ends.
     */
    public void lock(String packId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
                .param("training-pack:" + packId)
                .query()
                .singleRow();
    }

    /** The content hash of the pack's most recently received version. */
    public Optional<String> latestHash(String packId) {
        return jdbc.sql("SELECT content_hash FROM pack_version WHERE pack_id = ? ORDER BY received_seq DESC LIMIT 1")
                .param(packId)
                .query(String.class)
                .optional();
    }

    /** Whether this version is stored. */
    public boolean exists(String packId, String contentHash) {
        return jdbc.sql("SELECT count(*) FROM pack_version WHERE pack_id = ? AND content_hash = ?")
                        .params(packId, contentHash)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The splits of one version. */
    public Optional<PackSplits> find(String packId, String contentHash) {
        return jdbc.sql("SELECT train, test FROM pack_version WHERE pack_id = ? AND content_hash = ?")
                .params(packId, contentHash)
                .query((rs, n) -> new PackSplits(examples(rs.getString("train")), examples(rs.getString("test"))))
                .optional();
    }

    private static List<LabelledExample> examples(String json) {
        return List.of(EventCodec.decode(json, LabelledExample[].class));
    }
}
