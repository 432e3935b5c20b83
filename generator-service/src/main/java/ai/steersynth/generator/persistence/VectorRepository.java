package ai.steersynth.generator.persistence;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The steering-vector cache: one unit direction per (model, concept, method, layer, data hash). */
@Repository
public class VectorRepository {

    private final JdbcClient jdbc;

    public VectorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A cached vector. */
    public record CachedVector(float[] direction, double meanNorm, String provenanceJson) {}

    public Optional<CachedVector> find(String modelHash, String conceptId, String method, int layer, String dataHash) {
        return jdbc.sql("""
                        SELECT direction, mean_norm, provenance FROM steering_vector
                        WHERE model_hash = ? AND concept_id = ? AND method = ? AND layer = ? AND data_hash = ?""")
                .params(modelHash, conceptId, method, layer, dataHash)
                .query((rs, n) -> new CachedVector(
                        floats(rs.getBytes("direction")), rs.getDouble("mean_norm"), rs.getString("provenance")))
                .optional();
    }

    public void save(
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
    }

    private static float[] floats(byte[] bytes) {
        float[] out = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
