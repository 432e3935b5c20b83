package ai.steersynth.metrics.persistence;

import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.result.DiversityReport;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** SQL for the diversity reports, one per config. */
@Repository
public class ReportRepository {

    private static final TypeReference<Map<String, Double>> COMPONENTS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    public ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the config's report; the caller has checked that it has none (the primary key enforces it). */
    public void insert(Measurement measurement, DiversityReport report, Instant measuredAt) {
        jdbc.sql("""
                        INSERT INTO diversity_report (config_id, sweep_id, sample_count, sample_level, set_level,
                            diversity, components, measured_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(
                        measurement.configId(),
                        measurement.sweepId(),
                        measurement.sampleCount(),
                        report.sampleLevel(),
                        report.setLevel(),
                        report.diversity(),
                        EventCodec.encode(report.components()),
                        Timestamp.from(measuredAt))
                .update();
    }

    /** The config's report, if it has been measured. */
    public Optional<StoredReport> find(String configId) {
        return jdbc.sql("SELECT * FROM diversity_report WHERE config_id = ?")
                .param(configId)
                .query((rs, n) -> new StoredReport(
                        rs.getString("config_id"),
                        rs.getString("sweep_id"),
                        rs.getInt("sample_count"),
                        new DiversityReport(
                                rs.getDouble("sample_level"),
                                rs.getDouble("set_level"),
                                rs.getDouble("diversity"),
                                EventCodec.mapper().readValue(rs.getString("components"), COMPONENTS)),
                        rs.getTimestamp("measured_at").toInstant()))
                .optional();
    }
}
