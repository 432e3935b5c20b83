package ai.steersynth.metrics.persistence;

import ai.steersynth.contracts.result.Sample;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the sample texts of each config. */
@Repository
public class SampleRepository {

    private final JdbcClient jdbc;

    public SampleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a sample's text; a sample id already stored is left as it is. Returns whether it was new. */
    public boolean insert(Sample sample) {
        return jdbc.sql("""
                                INSERT INTO metrics_sample (sample_id, config_id, sample_index, text_utf8)
                                VALUES (?, ?, ?, ?) ON CONFLICT (sample_id) DO NOTHING""")
                        .params(
                                sample.sampleId(),
                                sample.configId(),
                                sample.index(),
                                sample.text().getBytes(StandardCharsets.UTF_8))
                        .update()
                == 1;
    }

    /** The texts of the config's first {@code limit} samples, in index order. */
    public List<String> texts(String configId, int limit) {
        return jdbc.sql("SELECT text_utf8 FROM metrics_sample WHERE config_id = ? ORDER BY sample_index LIMIT ?")
                .params(configId, limit)
                .query((rs, n) -> new String(rs.getBytes("text_utf8"), StandardCharsets.UTF_8))
                .list();
    }
}
