package ai.steersynth.sweep.persistence;

import ai.steersynth.contracts.sweep.ModelSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered models. */
@Repository
public class ModelRepository {

    private final JdbcClient jdbc;

    public ModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces a model's source. */
    public void upsert(String id, ModelSource source) {
        jdbc.sql("""
                        INSERT INTO model (id, source_type, location) VALUES (?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET source_type = excluded.source_type, location = excluded.location""").params(id, source.type().name(), source.location()).update();
    }

    public Optional<ModelRow> find(String id) {
        return jdbc.sql("SELECT * FROM model WHERE id = ?")
                .param(id)
                .query((rs, n) -> new ModelRow(
                        rs.getString("id"),
                        new ModelSource(
                                ModelSource.Type.valueOf(rs.getString("source_type")), rs.getString("location")),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    public List<ModelRow> list() {
        return jdbc.sql("SELECT * FROM model ORDER BY id")
                .query((rs, n) -> new ModelRow(
                        rs.getString("id"),
                        new ModelSource(
                                ModelSource.Type.valueOf(rs.getString("source_type")), rs.getString("location")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** A registered model. */
    public record ModelRow(String id, ModelSource source, Instant createdAt) {}
}
