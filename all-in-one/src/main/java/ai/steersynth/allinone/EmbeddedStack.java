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
 * loopback port with its own schema, and the gateway on the public port. A service can be stopped
 * and started again on its port (the gateway keeps routing to it); closing stops it all.
 */
public final class EmbeddedStack implements AutoCloseable {

    /** The broker and the database: started first, stopped last. */
    private final List<AutoCloseable> resources = new ArrayList<>();

    private final Map<String, Service> services = new LinkedHashMap<>();
    private ConfigurableApplicationContext gateway;
    private String gatewayUrl;
    private String apiKey;

    /** DJL's PyTorch intra-op thread count, read once when the engine first loads. */
    static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

    private EmbeddedStack() {}

    /** Starts the stack; on failure, whatever was started is stopped again. */
    public static EmbeddedStack start(StackSettings settings, Progress progress) throws IOException {
        return start(settings, Map.of(), progress);
    }

    /**
     * Starts the stack with extra Spring properties given to every service and the gateway (e.g.
     * {@code steersynth.generator.batch-size}); they outrank the services' own configuration.
     */
    public static EmbeddedStack start(StackSettings settings, Map<String, ?> properties, Progress progress)
            throws IOException {
        EmbeddedStack stack = new EmbeddedStack();
        try {
            stack.startAll(settings, properties, progress);
            return stack;
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(StackSettings settings, Map<String, ?> properties, Progress progress) throws IOException {
        Files.createDirectories(settings.home());
        shareTorchThreads();
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
        // Logging is one per JVM: the first context's name would tag every service's lines. The
        // logger names (ai.steersynth.<service>...) say which service wrote a line.
        common.put("logging.include-application-name", "false");
        common.putAll(properties);

        start(progress, "sweep", SweepServiceApplication::builder, common);
        start(progress, "generator", GeneratorServiceApplication::builder, common);
        start(progress, "judge", JudgeServiceApplication::builder, common);
        start(progress, "metrics", MetricsServiceApplication::builder, common);
        start(progress, "trainer", TrainerServiceApplication::builder, common);

        Map<String, Object> routes = new HashMap<>(common);
        routes.remove("server.address");
        routes.put("server.port", settings.gatewayPort());
        routes.put("steersynth.gateway.api-key", apiKey);
        services.forEach((name, service) ->
                routes.put("steersynth.gateway.services." + name, "http://127.0.0.1:" + service.port()));
        progress.step("Starting gateway");
        gateway = GatewayApplication.builder().run(asArguments(routes));
        int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
        gatewayUrl = "http://localhost:" + port;
    }

    private void start(
            Progress progress, String name, Supplier<SpringApplicationBuilder> builder, Map<String, Object> common) {
        progress.step("Starting " + name + " service");
        Map<String, Object> properties = new HashMap<>(common);
        properties.put("server.port", freePort());
        Service service = new Service(builder, asArguments(properties), (Integer) properties.get("server.port"));
        services.put(name, service);
        service.start();
    }

    /**
     * Stops one service's Spring context (its consumers leave their groups, its worker threads end);
     * the rest of the stack keeps running and the gateway answers 5xx for it until it is started again.
     *
     * @param name the short name ({@code sweep}, {@code generator}, {@code judge}, {@code metrics},
     *     {@code trainer})
     */
    public void stopService(String name) {
        service(name).stop();
    }

    /** Starts a stopped service again, with the same properties on the same port. */
    public void startService(String name) {
        Service service = service(name);
        if (service.running()) {
            throw new IllegalStateException(name + " service is already running");
        }
        service.start();
    }

    /** Stops a service and starts it again on the same port. */
    public void restartService(String name) {
        stopService(name);
        startService(name);
    }

    private Service service(String name) {
        Service service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service named '" + name + "'; there are " + services.keySet());
        }
        return service;
    }

    /** One service: how to start it, and its context while it runs. */
    private static final class Service {
        private final Supplier<SpringApplicationBuilder> builder;
        private final String[] arguments;
        private final int port;
        private ConfigurableApplicationContext context;

        Service(Supplier<SpringApplicationBuilder> builder, String[] arguments, int port) {
            this.builder = builder;
            this.arguments = arguments;
            this.port = port;
        }

        int port() {
            return port;
        }

        boolean running() {
            return context != null;
        }

        void start() {
            context = builder.get().run(arguments);
        }

        void stop() {
            if (context != null) {
                ConfigurableApplicationContext closing = context;
                context = null;
                closing.close();
            }
        }
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

    /**
     * The generator, the judge and the trainer run PyTorch side by side in this one process. PyTorch's default of
     * one intra-op thread per core for each of them makes their threads spin against each other: on 2 cores the
     * smoke demo took 4 min 31 s with the default and 3 min 56 s (and a fifth less CPU) with one thread. So unless
     * the user set {@value #TORCH_THREADS}, PyTorch gets half the cores (at least one).
     */
    private static void shareTorchThreads() {
        if (System.getProperty(TORCH_THREADS) == null) {
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
            System.setProperty(TORCH_THREADS, Integer.toString(threads));
        }
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
        Map<String, Integer> ports = new LinkedHashMap<>();
        services.forEach((name, service) -> ports.put(name, service.port()));
        return ports;
    }

    /** Stops everything in reverse start order. */
    @Override
    public void close() {
        if (gateway != null) {
            stopQuietly(gateway::close);
            gateway = null;
        }
        List<Service> started = new ArrayList<>(services.values());
        for (int i = started.size() - 1; i >= 0; i--) {
            stopQuietly(started.get(i)::stop);
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            stopQuietly(resources.get(i));
        }
        resources.clear();
    }

    private static void stopQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
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
