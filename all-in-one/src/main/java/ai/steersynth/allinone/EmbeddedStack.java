package ai.steersynth.allinone;

import ai.steersynth.gateway.GatewayApplication;
import ai.steersynth.generator.GeneratorServiceApplication;
import ai.steersynth.judge.JudgeServiceApplication;
import ai.steersynth.metrics.MetricsServiceApplication;
import ai.steersynth.sweep.SweepServiceApplication;
import ai.steersynth.trainer.TrainerServiceApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every SteerSynth service in one JVM (ARCHITECTURE §6): an in-process KRaft broker, PostgreSQL (the
 * configured server or an embedded one), the five services each in its own Spring context on its own
 * loopback port with its own schema, and the gateway on the public port. Closing stops it all.
 */
public final class EmbeddedStack implements AutoCloseable {

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private String gatewayUrl;
    private String apiKey;

    private EmbeddedStack() {}

    /** Starts the stack; on failure, whatever was started is stopped again. */
    public static EmbeddedStack start(StackSettings settings, Progress progress) throws IOException {
        EmbeddedStack stack = new EmbeddedStack();
        try {
            stack.startAll(settings, progress);
            return stack;
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(StackSettings settings, Progress progress) throws IOException {
        Files.createDirectories(settings.home());
        apiKey = settings.apiKey() != null ? settings.apiKey() : storedOrNewApiKey(settings.home());

        progress.step("Starting Kafka (in-process KRaft broker)");
        InProcessKafka kafka = InProcessKafka.start(settings.home().resolve("kafka"), freePort(), freePort());
        resources.add(kafka);

        LocalDatabase database;
        if (settings.databaseUrl() != null) {
            progress.step("Using PostgreSQL at " + settings.databaseUrl());
            database = LocalDatabase.configured(
                    settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
        } else {
            progress.step(
                    "Starting embedded PostgreSQL (data in " + settings.home().resolve("postgres") + ")");
            database = LocalDatabase.embedded(settings.home().resolve("postgres"), freePort());
        }
        resources.add(database);

        Map<String, Object> common = new HashMap<>();
        common.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        common.put("spring.datasource.url", database.url());
        common.put("spring.datasource.username", database.user());
        common.put("spring.datasource.password", database.password());
        common.put("spring.main.banner-mode", "off");
        common.put("server.address", "127.0.0.1");
        common.put("steersynth.home", settings.home().toString());
        common.put("logging.level.root", "WARN");
        common.put("logging.level.ai.steersynth", "INFO");

        start(progress, "sweep", SweepServiceApplication::builder, common);
        start(progress, "generator", GeneratorServiceApplication::builder, common);
        start(progress, "judge", JudgeServiceApplication::builder, common);
        start(progress, "metrics", MetricsServiceApplication::builder, common);
        start(progress, "trainer", TrainerServiceApplication::builder, common);

        Map<String, Object> gateway = new HashMap<>(common);
        gateway.remove("server.address");
        gateway.put("server.port", settings.gatewayPort());
        gateway.put("steersynth.gateway.api-key", apiKey);
        servicePorts.forEach(
                (name, port) -> gateway.put("steersynth.gateway.services." + name, "http://127.0.0.1:" + port));
        progress.step("Starting gateway");
        ConfigurableApplicationContext context = GatewayApplication.builder().run(asArguments(gateway));
        resources.add(context);
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        gatewayUrl = "http://localhost:" + port;
    }

    private void start(
            Progress progress, String name, Supplier<SpringApplicationBuilder> builder, Map<String, Object> common)
            throws IOException {
        progress.step("Starting " + name + " service");
        int port = freePort();
        Map<String, Object> properties = new HashMap<>(common);
        properties.put("server.port", port);
        resources.add(builder.get().run(asArguments(properties)));
        servicePorts.put(name, port);
    }

    /**
     * Properties as command-line arguments: those outrank the services' own configuration files
     * (default properties would not).
     */
    private static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    /** The gateway's base URL, e.g. {@code http://localhost:8080}. */
    public String gatewayUrl() {
        return gatewayUrl;
    }

    /** The API key clients must send. */
    public String apiKey() {
        return apiKey;
    }

    /** Loopback port of each service, by short name ({@code sweep}, {@code generator}, ...). */
    public Map<String, Integer> servicePorts() {
        return Map.copyOf(servicePorts);
    }

    /** Stops everything in reverse start order. */
    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        resources.clear();
    }

    /** The key kept in {@code <home>/api-key} (owner-only), created on first start. */
    private static String storedOrNewApiKey(Path home) throws IOException {
        Path file = home.resolve("api-key");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String key = "ss_" + HexFormat.of().formatHex(bytes);
        Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system: the file keeps the default permissions.
        }
        return key;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    /** Receives start-up progress lines. */
    @FunctionalInterface
    public interface Progress {
        void step(String message);
    }
}
