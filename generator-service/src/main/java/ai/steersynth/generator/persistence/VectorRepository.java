package ai.steersynth.generator.persistence;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The steering-vector cache: one unit direction per (model, concept, method, layer, data hash),
 * addressed by an id, plus which vector each task steered with.
 */
@Repository
public class VectorRepository {

    /** What a summary reads: the key columns and the provenance fields of the stored vector set. */
    private static final String SUMMARY_COLUMNS = """
            v.id, v.model_hash, v.concept_id, v.method, v.layer, v.data_hash, v.mean_norm, v.created_at,
            v.provenance->>'modelHint' AS model_hint,
            v.provenance->'vectors'->0->'provenance'->>'packContentHash' AS pack_content_hash,
            v.provenance->'vectors'->0->'provenance'->>'dataHash' AS pairs_hash,
            (v.provenance->'vectors'->0->'provenance'->>'pairCount')::int AS pair_count,
            (v.provenance->'vectors'->0->'provenance'->>'probeHeldOutAccuracy')::float8 AS probe_accuracy,
            ARRAY(SELECT DISTINCT t.model_id FROM task t WHERE t.vector_id = v.id ORDER BY t.model_id)
                AS model_ids""";

    private final JdbcClient jdbc;

    public VectorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A cached vector. */
    public record CachedVector(UUID id, float[] direction, double meanNorm, String provenanceJson) {}

    /**
     * A cached vector without its direction.
     *
     * @param modelHash the weights' content hash
     * @param modelIds the model ids of the tasks that steered with it (a model id names a source; the
     *     hash names the weights)
     * @param dataHash the cache key's data part: pack content hash, pair limit and seed
     * @param pairsHash sha256 of the pairs actually used
     * @param probeHeldOutAccuracy LINEAR_PROBE's held-out accuracy, else null
     */
    public record VectorSummary(
            UUID id,
            String modelHash,
            List<String> modelIds,
            String modelHint,
            String conceptId,
            String method,
            int layer,
            String dataHash,
            String packContentHash,
            String pairsHash,
            Integer pairCount,
            double meanResidualNorm,
            Double probeHeldOutAccuracy,
            Instant createdAt) {}

    /**
     * Filters of {@link #list}; null matches everything.
     *
     * @param model a model id (of a task that used the vector) or a model content hash
     */
    public record VectorFilter(String model, String conceptId, String method, Integer layer) {}

    public Optional<CachedVector> find(String modelHash, String conceptId, String method, int layer, String dataHash) {
        return jdbc.sql("""
                        SELECT id, direction, mean_norm, provenance FROM steering_vector
                        WHERE model_hash = ? AND concept_id = ? AND method = ? AND layer = ? AND data_hash = ?""")
                .params(modelHash, conceptId, method, layer, dataHash)
                .query((rs, n) -> new CachedVector(
                        rs.getObject("id", UUID.class),
                        floats(rs.getBytes("direction")),
                        rs.getDouble("mean_norm"),
                        rs.getString("provenance")))
                .optional();
    }

    /** Stores a vector unless its key is cached already; returns the id of the cached row either way. */
    public UUID save(
            String modelHash,
            String conceptId,
            String method,
            int layer,
            String dataHash,
            float[] direction,
            double meanNorm,
            String provenanceJson) {
        ByteBuffer bytes = ByteBuffer.allocate(direction.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(direction);
        jdbc.sql("""
                        INSERT INTO steering_vector (model_hash, concept_id, method, layer, data_hash, direction, mean_norm, provenance)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING""")
                .params(modelHash, conceptId, method, layer, dataHash, bytes.array(), meanNorm, provenanceJson)
                .update();
        return find(modelHash, conceptId, method, layer, dataHash)
                .orElseThrow(() -> new IllegalStateException("vector vanished right after it was stored"))
                .id();
    }

    /** Records that the task of {@code configId} steers with vector {@code vectorId}. */
    public void linkConfig(String configId, UUID vectorId) {
        jdbc.sql("UPDATE task SET vector_id = ? WHERE config_id = ?")
                .params(vectorId, configId)
                .update();
    }

    /** Summaries matching {@code filter}, newest first. */
    public List<VectorSummary> list(VectorFilter filter) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.model() != null) {
            where.add(
                    "(v.model_hash = ? OR EXISTS (SELECT 1 FROM task t WHERE t.vector_id = v.id AND t.model_id = ?))");
            params.add(filter.model());
            params.add(filter.model());
        }
        if (filter.conceptId() != null) {
            where.add("v.concept_id = ?");
            params.add(filter.conceptId());
        }
        if (filter.method() != null) {
            where.add("v.method = ?");
            params.add(filter.method());
        }
        if (filter.layer() != null) {
            where.add("v.layer = ?");
            params.add(filter.layer());
        }
        String sql = "SELECT " + SUMMARY_COLUMNS + " FROM steering_vector v"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY v.created_at DESC, v.id";
        return jdbc.sql(sql).params(params).query(VectorRepository::summary).list();
    }

    public Optional<VectorSummary> summary(UUID id) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM steering_vector v WHERE v.id = ?")
                .param(id)
                .query(VectorRepository::summary)
                .optional();
    }

    /** The stored vector set (SteerSynth vector JSON) of vector {@code id}. */
    public Optional<String> vectorSetJson(UUID id) {
        return jdbc.sql("SELECT provenance FROM steering_vector WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** The vector the task of {@code configId} steered with; empty when unknown or not (yet) resolved. */
    public Optional<UUID> vectorOfConfig(String configId) {
        return jdbc.sql("SELECT vector_id FROM task WHERE config_id = ? AND vector_id IS NOT NULL")
                .param(configId)
                .query(UUID.class)
                .optional();
    }

    private static VectorSummary summary(ResultSet rs, int row) throws SQLException {
        String[] modelIds = (String[]) rs.getArray("model_ids").getArray();
        return new VectorSummary(
                rs.getObject("id", UUID.class),
                rs.getString("model_hash"),
                Arrays.asList(modelIds),
                rs.getString("model_hint"),
                rs.getString("concept_id"),
                rs.getString("method"),
                rs.getInt("layer"),
                rs.getString("data_hash"),
                rs.getString("pack_content_hash"),
                rs.getString("pairs_hash"),
                (Integer) rs.getObject("pair_count"),
                rs.getDouble("mean_norm"),
                (Double) rs.getObject("probe_accuracy"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static float[] floats(byte[] bytes) {
        float[] out = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
