package ai.steersynth.cli.demo;

import ai.steersynth.allinone.DefaultModel;
import ai.steersynth.allinone.DefaultPackLoader;
import ai.steersynth.allinone.EmbeddedStack;
import ai.steersynth.allinone.StackSettings;
import ai.steersynth.packs.defaults.SourceDownloader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code steersynth demo}: the main job. Starts the embedded stack, makes sure the default model and
 * the four default packs are there, submits a demo sweep through the gateway, shows its progress,
 * and ends with the report and the exported datasets.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Runs a demo sweep end to end on the embedded stack and prints its report.")
public final class DemoCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(
            names = "--size",
            defaultValue = "smoke",
            description = "smoke | default | full (default: ${DEFAULT-VALUE})")
    DemoSize size;

    @Option(names = "--json", description = "Print the report as JSON on stdout at the end.")
    boolean json;

    @Option(names = "--model", description = "A .gguf file or model directory instead of the default model.")
    Path model;

    @Option(names = "--seed", defaultValue = "7", description = "The sweep's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--timeout",
            defaultValue = "PT3H",
            description = "Give up after this long (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Integer call() throws Exception {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        Path modelPath = model != null ? model : DefaultModel.ensure(DefaultModel.cacheDirectory(), this::say);
        // The size's pair budget and batch size, unless the user chose them (environment variables).
        Map<String, Object> stackProperties = new HashMap<>();
        if (System.getenv("STEERSYNTH_GENERATOR_MAX_VECTOR_PAIRS") == null) {
            stackProperties.put("steersynth.generator.max-vector-pairs", size.vectorPairs());
        }
        if (System.getenv("STEERSYNTH_GENERATOR_BATCH_SIZE") == null) {
            stackProperties.put("steersynth.generator.batch-size", size.generatorBatchSize());
        }
        try (EmbeddedStack stack = EmbeddedStack.start(settings, stackProperties, this::say)) {
            Api api = new Api(stack.gatewayUrl(), stack.apiKey());
            say("Gateway " + stack.gatewayUrl() + " (API key in "
                    + settings.home().resolve("api-key") + ")");
            loadPacks(stack);
            api.post(
                    "/api/models",
                    Map.of(
                            "id",
                            DefaultModel.ID,
                            "source",
                            modelPath.toAbsolutePath().toString()));
            Map<?, ?> created = api.post("/api/sweeps", size.sweepRequest(DefaultModel.ID, seed));
            String sweepId = (String) created.get("id");
            say("Sweep " + sweepId + ": " + ((Map<?, ?>) created.get("configs")).get("total") + " configs ("
                    + size.name().toLowerCase(java.util.Locale.ROOT) + ")");
            StageTimes times = new StageTimes();
            Map<?, ?> finished = follow(
                    api,
                    sweepId,
                    new StageMeterReader(http, stack.servicePorts().values()),
                    times);
            say(times.render());
            if (!"COMPLETED".equals(finished.get("state"))) {
                say("Sweep ended " + finished.get("state") + ": " + finished.get("errors"));
                return 1;
            }
            Map<?, ?> report = api.get("/api/sweeps/" + sweepId + "/report");
            Path exportDirectory = settings.home().resolve("exports").resolve(sweepId);
            List<Path> exports = export(api, sweepId, report, exportDirectory);
            // The gateway's report page goes away with this process: keep a copy beside the datasets.
            Path reportPage = exportDirectory.resolve("report.html");
            Files.writeString(reportPage, api.text("/api/sweeps/" + sweepId + "/report.html"));
            Path reportJson = exportDirectory.resolve("report.json");
            Files.writeString(reportJson, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            Path timings = exportDirectory.resolve("timings.json");
            Files.writeString(timings, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(times.toJson()));
            if (json) {
                System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                System.out.println(ReportText.render(report));
            }
            say("Report with plots: " + reportPage.toUri() + " (JSON: " + reportJson + "; stage times: " + timings
                    + ")");
            exports.forEach(path -> say("Exported " + path));
            System.err.flush();
            return 0;
        }
    }

    private void loadPacks(EmbeddedStack stack) throws InterruptedException {
        var outcomes = new DefaultPackLoader(stack.gatewayUrl(), stack.apiKey())
                .loadMissing(
                        DefaultPackLoader.localSourceDirectories(System.getenv("STEERSYNTH_SHARED_DATA")),
                        new SourceDownloader(SourceDownloader.defaultCacheDirectory()));
        for (var outcome : outcomes) {
            if (!outcome.loaded() && !outcome.detail().equals("already present")) {
                throw new IllegalStateException(
                        "default pack " + outcome.packId() + " is not available: " + outcome.detail());
            }
            say("Pack " + outcome.packId() + ": " + outcome.detail());
        }
    }

    /** Polls the sweep about once a second, drawing its progress and sampling the stages' meters, until it ends. */
    private Map<?, ?> follow(Api api, String sweepId, StageMeterReader meters, StageTimes times)
            throws IOException, InterruptedException {
        ProgressBars bars = new ProgressBars(System.err, System.console() != null);
        long deadline = System.nanoTime() + timeout.toNanos();
        long previous = System.nanoTime();
        while (true) {
            Map<?, ?> sweep = api.get("/api/sweeps/" + sweepId);
            bars.draw(sweep);
            StageTimes.Reading reading = meters.read();
            long now = System.nanoTime();
            times.add(reading, (now - previous) / 1e9);
            previous = now;
            String state = String.valueOf(sweep.get("state"));
            if (state.equals("COMPLETED") || state.equals("CANCELLED")) {
                return sweep;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sweep did not finish within " + timeout);
            }
            Thread.sleep(1000);
        }
    }

    /** Exports the recommended (highest-HM) config of every concept as JSONL plus its dataset card. */
    private List<Path> export(Api api, String sweepId, Map<?, ?> report, Path directory)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (Object section : (List<?>) report.get("sections")) {
            Map<?, ?> recommendation = (Map<?, ?>) ((Map<?, ?>) section).get("recommended");
            Map<?, ?> recommended = recommendation == null ? null : (Map<?, ?>) recommendation.get("byHm");
            if (recommended == null) {
                continue;
            }
            String configId = (String) recommended.get("configId");
            String base = "/api/sweeps/" + sweepId + "/configs/" + configId;
            Path jsonl = directory.resolve(configId + ".jsonl");
            Files.writeString(jsonl, api.text(base + "/dataset?format=jsonl"));
            Path card = directory.resolve(configId + ".md");
            Files.writeString(card, api.text(base + "/dataset-card"));
            written.add(jsonl);
            written.add(card);
        }
        return written;
    }

    private void say(String message) {
        System.err.println(message);
    }

    /** The gateway, with the API key. */
    private final class Api {
        private final String base;
        private final String key;

        Api(String base, String key) {
            this.base = base;
            this.key = key;
        }

        Map<?, ?> get(String path) throws IOException, InterruptedException {
            return JSON.readValue(text(path), Map.class);
        }

        String text(String path) throws IOException, InterruptedException {
            return check(path, http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }

        Map<?, ?> post(String path, Object body) throws IOException, InterruptedException {
            HttpRequest request = request(path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            return JSON.readValue(check(path, http.send(request, HttpResponse.BodyHandlers.ofString())), Map.class);
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key);
        }

        private String check(String path, HttpResponse<String> response) {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }
}
