package ai.steersynth.allinone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database the embedded stack uses: the configured PostgreSQL server when a URL is given, else
 * an embedded PostgreSQL 15 whose data directory lives under {@code STEERSYNTH_HOME} and so survives
 * restarts.
 *
 * @param url JDBC URL of the {@code steersynth} database
 * @param user role
 * @param password password
 * @param embedded the embedded server to stop on close, or null
 */
public record LocalDatabase(String url, String user, String password, EmbeddedPostgres embedded)
        implements AutoCloseable {

    private static final String DATABASE = "steersynth";

    /** Uses the configured server. */
    public static LocalDatabase configured(String url, String user, String password) {
        return new LocalDatabase(url, user, password, null);
    }

    /** Starts (or restarts on its existing data) an embedded PostgreSQL in {@code dataDirectory}. */
    public static LocalDatabase embedded(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        String adminUrl = postgres.getJdbcUrl("postgres", "postgres");
        try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "postgres");
                Statement statement = admin.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("could not prepare the embedded PostgreSQL database", e);
        }
        return new LocalDatabase(postgres.getJdbcUrl("postgres", DATABASE), "postgres", "postgres", postgres);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
