package ai.steersynth.allinone;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the embedded stack is started with, read from the environment.
 *
 * @param home data directory ({@code STEERSYNTH_HOME}, default {@code ~/.steersynth})
 * @param gatewayPort the one public port ({@code STEERSYNTH_PORT}, default 8080; 0 = any free port)
 * @param apiKey the API key ({@code STEERSYNTH_API_KEY}); null = generate one and keep it in the home
 * @param databaseUrl a PostgreSQL server to use ({@code STEERSYNTH_DATABASE_URL}); null = embedded
 * @param databaseUser its role ({@code STEERSYNTH_DATABASE_USER})
 * @param databasePassword its password ({@code STEERSYNTH_DATABASE_PASSWORD})
 */
public record StackSettings(
        Path home, int gatewayPort, String apiKey, String databaseUrl, String databaseUser, String databasePassword) {

    /** Settings from environment variables, with the documented defaults. */
    public static StackSettings fromEnvironment(Map<String, String> env) {
        String home = env.getOrDefault("STEERSYNTH_HOME", "");
        return new StackSettings(
                home.isBlank() ? Path.of(System.getProperty("user.home"), ".steersynth") : Path.of(home),
                Integer.parseInt(env.getOrDefault("STEERSYNTH_PORT", "8080")),
                blankToNull(env.get("STEERSYNTH_API_KEY")),
                blankToNull(env.get("STEERSYNTH_DATABASE_URL")),
                env.getOrDefault("STEERSYNTH_DATABASE_USER", "steersynth"),
                env.getOrDefault("STEERSYNTH_DATABASE_PASSWORD", "steersynth"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
