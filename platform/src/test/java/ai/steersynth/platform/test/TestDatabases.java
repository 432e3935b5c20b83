package ai.steersynth.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh, empty PostgreSQL database per test class, on a real server: the machine's server when
 * {@code STEERSYNTH_TEST_DATABASE_URL} (with {@code _USER}/{@code _PASSWORD}) names one (CI starts
 * it), else an embedded PostgreSQL 15 started once per JVM.
 */
public final class TestDatabases {

    private static EmbeddedPostgres embedded;

    private TestDatabases() {}

    /** A new database; returns its JDBC URL, user and password. */
    public static synchronized Database create() {
        String name = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        String adminUrl = System.getenv("STEERSYNTH_TEST_DATABASE_URL");
        String user;
        String password;
        if (adminUrl != null && !adminUrl.isBlank()) {
            user = env("STEERSYNTH_TEST_DATABASE_USER", "steersynth");
            password = env("STEERSYNTH_TEST_DATABASE_PASSWORD", "steersynth");
        } else {
            adminUrl = embedded().getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
        }
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database on " + adminUrl, e);
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        int query = adminUrl.indexOf('?');
        if (query > 0) {
            url = adminUrl.substring(0, adminUrl.lastIndexOf('/', query) + 1) + name + adminUrl.substring(query);
        }
        return new Database(url, user, password);
    }

    /** Points Spring's datasource at a new database. */
    public static void register(DynamicPropertyRegistry registry) {
        Database database = create();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }

    private static EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("could not start embedded PostgreSQL", e);
            }
        }
        return embedded;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Connection details of a test database. */
    public record Database(String url, String user, String password) {}
}
