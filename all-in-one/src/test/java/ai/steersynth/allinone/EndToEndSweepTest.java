package ai.steersynth.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.packs.defaults.DefaultPacks;
import ai.steersynth.packs.format.PackJson;
import ai.steersynth.platform.test.TestDatabases;
import ai.steersynth.sweep.domain.SweepReport;
import ai.steersynth.sweep.domain.SweepReport.ConfigEntry;
import ai.steersynth.sweep.domain.SweepReport.Correlation;
import ai.steersynth.sweep.domain.SweepReport.Quality;
import ai.steersynth.sweep.domain.SweepReport.Section;
import ai.steersynth.sweep.domain.SweepState;
import ai.steersynth.sweep.web.SweepView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline on the default model, only through the gateway: one concept, one method, one
 * layer, three strengths, the prompting baseline and the original data; four short samples each.
 * Every service is stopped once while it has work in hand or waiting, and started again. The test
 * then checks that every config finished, that each stage did its work exactly once per sample and
 * per config (read from the API and from every service's own schema), and that the report's numbers
 * are the stored ones: "x of N beat prompting" and each Spearman correlation recomputed here. One
 * sweep carries both checks, since a restart that changed a count would show as an inexact count.
 *
 * <p>Needs {@code STEERSYNTH_TEST_MODEL} (the SmolLM2-135M-Instruct GGUF) and the shared datasets;
 * skips without them.
 */
class EndToEndSweepTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODEL = "smollm2";
    private static final String CONCEPT = DefaultPacks.TOXICITY;
    private static final List<Double> STRENGTHS = List.of(0.5, 1.0, 2.0);
    private static final int SAMPLES = 4;
    /** Steered configs plus the prompting baseline. */
    private static final int GENERATING_CONFIGS = STRENGTHS.size() + 1;
    /** A bound on a hung pipeline, not a speed requirement. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    @TempDir
    static Path home;

    private static EmbeddedStack stack;
    private static TestDatabases.Database database;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startStackWithTheDefaultModelAndPack() throws Exception {
        String model = System.getenv("STEERSYNTH_TEST_MODEL");
        assumeTrue(
                model != null && Files.isRegularFile(Path.of(model)),
                "skipped: set STEERSYNTH_TEST_MODEL to the SmolLM2-135M-Instruct GGUF (path printed by "
                        + "../shared/tools/fetch-model.sh) to run the end-to-end sweep; it is " + model);
        Path shared = SharedData.directory();

        database = TestDatabases.create();
        StackSettings settings = new StackSettings(home, 0, null, database.url(), database.user(), database.password());
        // Small enough for a loaded 2-core machine: few extraction pairs, a short bootstrap, and batches
        // of 6 rows, so the 16 samples take three batches and the generator restart lands between them.
        stack = EmbeddedStack.start(
                settings,
                Map.of(
                        "steersynth.generator.max-vector-pairs", 8,
                        "steersynth.generator.batch-size", 6,
                        "steersynth.trainer.bootstrap-resamples", 200),
                message -> {});

        assertThat(post("/api/models", Map.of("id", MODEL, "source", model)).statusCode())
                .isEqualTo(201);
        String pack = PackJson.toJson(DefaultPacks.build(CONCEPT, shared).pack());
        HttpResponse<String> uploaded = send(json(request("/api/packs"), pack));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aSweepWithEachServiceRestartedMidwayFinishesWithExactCountsAndAReportOfTheStoredNumbers() throws Exception {
        String sweepId = submit(11);
        int samples = GENERATING_CONFIGS * SAMPLES;

        // The trainer takes the original-data config at once (it needs no samples): stop it mid-run.
        awaitRows(
                "SELECT count(*) FROM training.training_config WHERE sweep_id = ? AND started_at IS NOT NULL",
                sweepId,
                1);
        stack.stopService("trainer");

        // The first batch is stored and more are to come: stop the generator (it finishes the batch in
        // hand), and the judge and metrics service with it, so each has work waiting when it is back.
        awaitRows(
                "SELECT count(*) FROM generation.sample s JOIN generation.task t USING (config_id)"
                        + " WHERE t.sweep_id = ?",
                sweepId,
                1);
        stack.stopService("generator");
        stack.stopService("judge");
        stack.stopService("metrics");
        assertThat(rows(
                        "SELECT count(*) FROM generation.sample s JOIN generation.task t USING (config_id)"
                                + " WHERE t.sweep_id = ?",
                        sweepId))
                .as("samples stored when the generator stopped")
                .isLessThan(samples);
        stack.startService("generator");
        stack.startService("judge");
        awaitView(sweepId, v -> stageDone(v.progress().generation()));

        // The sweep service is down while metrics and the trainer catch up, so it misses their events.
        stack.stopService("sweep");
        stack.startService("metrics");
        stack.startService("trainer");
        awaitRows("SELECT count(*) FROM metrics.diversity_report WHERE sweep_id = ?", sweepId, 1);
        stack.startService("sweep");

        SweepView finished = awaitTerminal(sweepId);

        assertExactCounts(finished);
        SweepReport report = report(sweepId);
        assertReportIsComputedFromTheStoredNumbers(sweepId, report);
        assertTheReportPageAndTheExportsAreServed(sweepId, report);
        assertTheReportCarriesTheJudgesStoredValidity(sweepId);
    }

    // --- the sweep ----------------------------------------------------------------------------------

    private static String submit(long seed) throws Exception {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("name", "e2e-" + seed);
        sweep.put("concepts", List.of(CONCEPT));
        sweep.put("models", List.of(MODEL));
        sweep.put("methods", List.of("MEAN_DIFFERENCE"));
        sweep.put("layers", List.of(15));
        sweep.put("strengths", STRENGTHS);
        sweep.put("samplesPerConfig", SAMPLES);
        sweep.put("seed", seed);
        sweep.put("decoding", Map.of("maxNewTokens", 16, "temperature", 0.7, "topP", 0.9));
        sweep.put("detector", Map.of("seeds", 1));
        HttpResponse<String> created = post("/api/sweeps", sweep);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        SweepView view = JSON.readValue(created.body(), SweepView.class);
        assertThat(view.configs())
                .isEqualTo(new SweepView.ConfigCounts(GENERATING_CONFIGS + 1, STRENGTHS.size(), 1, 1));
        return view.id();
    }

    private static SweepView awaitTerminal(String sweepId) throws Exception {
        SweepView view = awaitView(sweepId, v -> v.state().terminal());
        assertThat(view.state()).as("errors: %s", view.errors()).isEqualTo(SweepState.COMPLETED);
        return view;
    }

    /** Polls the sweep through the gateway; a service that is restarting may answer 5xx meanwhile. */
    private static SweepView awaitView(String sweepId, Predicate<SweepView> condition) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        SweepView last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get("/api/sweeps/" + sweepId);
            if (response.statusCode() == 200) {
                last = JSON.readValue(response.body(), SweepView.class);
                if (condition.test(last) || last.state().terminal()) {
                    return last;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("sweep " + sweepId + " did not get there within " + GIVE_UP_AFTER + "; last: " + last);
    }

    private static boolean stageDone(SweepView.StageProgress stage) {
        return stage.configsDone() + stage.configsFailed() == stage.configsExpected();
    }

    // --- counts -------------------------------------------------------------------------------------

    /** Every stage did its work once per sample and per config: in the API and in each service's schema. */
    private static void assertExactCounts(SweepView view) throws SQLException {
        assertThat(view.errors()).isEmpty();
        SweepView.Progress p = view.progress();
        int samples = GENERATING_CONFIGS * SAMPLES;
        assertThat(p.generation())
                .isEqualTo(new SweepView.StageProgress(GENERATING_CONFIGS, GENERATING_CONFIGS, 0, samples, samples, 0));
        assertThat(p.judging())
                .isEqualTo(new SweepView.StageProgress(GENERATING_CONFIGS, GENERATING_CONFIGS, 0, samples, samples, 0));
        assertThat(p.diversity())
                .isEqualTo(new SweepView.StageProgress(GENERATING_CONFIGS, GENERATING_CONFIGS, 0, 0, 0, 0));
        int all = GENERATING_CONFIGS + 1;
        assertThat(p.training()).isEqualTo(new SweepView.StageProgress(all, all, 0, 0, 0, 0));

        String sweepId = view.id();
        Map<String, String> kinds = configKinds(sweepId);
        assertThat(kinds).hasSize(all);
        Map<String, Integer> generating = new HashMap<>();
        Map<String, Integer> everyConfig = new HashMap<>();
        kinds.forEach((configId, kind) -> {
            everyConfig.put(configId, 1);
            if (!kind.equals(ConfigKind.ORIGINAL_DATA.name())) {
                generating.put(configId, SAMPLES);
            }
        });
        Map<String, Integer> one = new HashMap<>(generating);
        one.replaceAll((k, v) -> 1);

        assertThat(countPerConfig("generation.sample", sweepId))
                .as("generated samples")
                .isEqualTo(generating);
        assertThat(countPerConfig("judging.judgement", sweepId))
                .as("judgements")
                .isEqualTo(generating);
        assertThat(countPerConfig("metrics.metrics_sample", sweepId))
                .as("samples measured")
                .isEqualTo(generating);
        assertThat(countPerConfig("metrics.diversity_report", sweepId))
                .as("diversity reports")
                .isEqualTo(one);
        assertThat(countPerConfig("training.training_sample", sweepId))
                .as("samples trained on")
                .isEqualTo(generating);
        assertThat(countPerConfig("training.sample_judgement", sweepId))
                .as("judgements trained with")
                .isEqualTo(generating);
        assertThat(countPerConfig("training.detector_run", sweepId))
                .as("detector runs")
                .isEqualTo(everyConfig);
        assertThat(countPerConfig("sweep.sample", sweepId))
                .as("samples the sweep holds")
                .isEqualTo(generating);

        // The sweep service's running counters: a redelivered event counted twice would show here.
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, kind, samples_generated, samples_judged, judgements_failed, generation_state,"
                                + " training_state, diversity_report IS NOT NULL, detector_run IS NOT NULL"
                                + " FROM sweep.sweep_config WHERE sweep_id = ?")) {
            statement.setString(1, sweepId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    boolean generates = !rows.getString(2).equals(ConfigKind.ORIGINAL_DATA.name());
                    int expected = generates ? SAMPLES : 0;
                    assertThat(List.of(
                                    rows.getInt(3),
                                    rows.getInt(4),
                                    rows.getInt(5),
                                    rows.getString(6),
                                    rows.getString(7),
                                    rows.getBoolean(8),
                                    rows.getBoolean(9)))
                            .as("sweep_config %s", rows.getString(1))
                            .containsExactly(
                                    expected,
                                    expected,
                                    0,
                                    generates ? "DONE" : "NOT_APPLICABLE",
                                    "DONE",
                                    generates,
                                    true);
                }
            }
        }
    }

    private static Map<String, String> configKinds(String sweepId) throws SQLException {
        Map<String, String> kinds = new HashMap<>();
        try (Connection connection = connect();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT id, kind FROM sweep.sweep_config WHERE sweep_id = ?")) {
            statement.setString(1, sweepId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    kinds.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return kinds;
    }

    /** Rows per config of this sweep in one service's table (every such table has a config_id). */
    private static Map<String, Integer> countPerConfig(String table, String sweepId) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement("SELECT config_id, count(*) FROM " + table
                        + " WHERE config_id IN (SELECT id FROM sweep.sweep_config WHERE sweep_id = ?)"
                        + " GROUP BY config_id")) {
            statement.setString(1, sweepId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    private static void awaitRows(String countQuery, String sweepId, int atLeast) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (rows(countQuery, sweepId) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "fewer than " + atLeast + " rows for " + countQuery + " after " + GIVE_UP_AFTER);
            }
            Thread.sleep(250);
        }
    }

    /** The result of a count query with the sweep id as its one parameter. */
    private static int rows(String countQuery, String sweepId) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(countQuery)) {
            statement.setString(1, sweepId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    // --- the report ---------------------------------------------------------------------------------

    /**
     * The judge announces its validity on the concept's real test split on its own schedule; once it has, the
     * report shows exactly the AUROC the judge stored, and flags the judge iff it falls below the threshold.
     */
    private static void assertTheReportCarriesTheJudgesStoredValidity(String sweepId) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        SweepReport.JudgeValidity validity = report(sweepId).sections().get(0).judgeValidity();
        while (validity.validityAuroc() == null) {
            assertThat(System.nanoTime())
                    .as("judge validity never reached the report")
                    .isLessThan(deadline);
            assertThat(validity.validityNote()).isNotNull();
            Thread.sleep(500);
            validity = report(sweepId).sections().get(0).judgeValidity();
        }
        double stored;
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT auroc FROM judging.judge_validity WHERE judge_id = ? AND pack_id = ?")) {
            statement.setString(1, validity.judgeId());
            statement.setString(2, CONCEPT);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("the judge stored its validity").isTrue();
                stored = rows.getDouble(1);
            }
        }
        assertThat(validity.validityAuroc()).isCloseTo(stored, within(1e-12));
        assertThat(validity.valid()).isEqualTo(stored >= validity.threshold());
        assertThat(validity.flag() == null).isEqualTo(validity.valid());
    }

    private static SweepReport report(String sweepId) throws Exception {
        HttpResponse<String> response = get("/api/sweeps/" + sweepId + "/report");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), SweepReport.class);
    }

    /**
     * Each config's AUROC, success and diversity are what the trainer, the judge and the metrics service
     * stored; "x of N beat prompting" and the Spearman correlations are what those numbers give.
     */
    private static void assertReportIsComputedFromTheStoredNumbers(String sweepId, SweepReport report)
            throws SQLException {
        assertThat(report.sections()).hasSize(1);
        Section section = report.sections().get(0);
        assertThat(section.conceptId()).isEqualTo(CONCEPT);
        assertThat(section.unfinished()).isEmpty();
        List<ConfigEntry> entries = section.leaderboardByAuroc();
        assertThat(entries).hasSize(GENERATING_CONFIGS + 1);

        Map<String, Double> aurocs = averagePerConfig("training.detector_run", "auroc", sweepId);
        Map<String, Double> success = averagePerConfig("judging.judgement", "success", sweepId);
        Map<String, Double> coherence = averagePerConfig("judging.judgement", "coherence", sweepId);
        Map<String, Double> diversity = averagePerConfig("metrics.diversity_report", "diversity", sweepId);
        for (ConfigEntry entry : entries) {
            assertThat(entry.detector().auroc()).as(entry.label()).isEqualTo(aurocs.get(entry.configId()));
            if (entry.kind() != ConfigKind.ORIGINAL_DATA) {
                Quality q = entry.quality();
                assertThat(q.success()).as(entry.label()).isCloseTo(success.get(entry.configId()), within(1e-9));
                assertThat(q.coherence()).as(entry.label()).isCloseTo(coherence.get(entry.configId()), within(1e-9));
                assertThat(q.diversity()).as(entry.label()).isCloseTo(diversity.get(entry.configId()), within(1e-9));
                assertThat(q.successTimesCoherence()).isCloseTo(q.success() * q.coherence(), within(1e-12));
            }
        }

        List<ConfigEntry> steered =
                entries.stream().filter(e -> e.kind() == ConfigKind.STEERED).toList();
        double prompting = section.promptingBaseline().detector().auroc();
        int wins = (int)
                steered.stream().filter(e -> e.detector().auroc() > prompting).count();
        assertThat(section.beatPrompting().promptingAuroc()).isEqualTo(prompting);
        assertThat(section.beatPrompting().originalAuroc())
                .isEqualTo(section.originalData().detector().auroc());
        assertThat(section.beatPrompting().count()).isEqualTo(wins);
        assertThat(section.beatPrompting().of()).isEqualTo(STRENGTHS.size());
        assertThat(section.beatPrompting().headline())
                .isEqualTo(wins + " of " + STRENGTHS.size() + " steering configs beat prompting");

        double[] auroc = steered.stream().mapToDouble(e -> e.detector().auroc()).toArray();
        Map<String, ToDoubleFunction<Quality>> axes = Map.of(
                "hm", Quality::hm,
                "success", Quality::success,
                "coherence", Quality::coherence,
                "diversity", Quality::diversity,
                "successTimesCoherence", Quality::successTimesCoherence);
        assertThat(section.correlations())
                .extracting(Correlation::axis)
                .containsExactlyInAnyOrderElementsOf(axes.keySet());
        for (Correlation correlation : section.correlations()) {
            double[] x = steered.stream()
                    .mapToDouble(e -> axes.get(correlation.axis()).applyAsDouble(e.quality()))
                    .toArray();
            double expected = spearman(x, auroc);
            assertThat(correlation.n()).isEqualTo(STRENGTHS.size());
            if (Double.isNaN(expected)) {
                assertThat(correlation.rho()).as(correlation.axis()).isNull();
                assertThat(correlation.reason()).as(correlation.axis()).contains("undefined");
            } else {
                assertThat(correlation.rho()).as(correlation.axis()).isCloseTo(expected, within(1e-9));
                assertThat(correlation.ciLow()).as(correlation.axis()).isLessThanOrEqualTo(correlation.ciHigh());
            }
        }
    }

    private static void assertTheReportPageAndTheExportsAreServed(String sweepId, SweepReport report) throws Exception {
        HttpResponse<String> page = get("/api/sweeps/" + sweepId + "/report.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg").contains(CONCEPT);

        ConfigEntry recommended = report.sections().get(0).recommended().byHm();
        String base = "/api/sweeps/" + sweepId + "/configs/" + recommended.configId();
        HttpResponse<String> jsonl = get(base + "/dataset?format=jsonl");
        assertThat(jsonl.statusCode()).isEqualTo(200);
        assertThat(jsonl.body().lines().filter(l -> !l.isBlank())).hasSize(SAMPLES);
        HttpResponse<String> card = get(base + "/dataset-card");
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).contains(recommended.configId());
    }

    /** The mean of one column per config of this sweep, from the service's own table. */
    private static Map<String, Double> averagePerConfig(String table, String column, String sweepId)
            throws SQLException {
        Map<String, Double> means = new HashMap<>();
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement("SELECT config_id, avg(" + column + ") FROM "
                        + table + " WHERE sweep_id = ? GROUP BY config_id")) {
            statement.setString(1, sweepId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    means.put(rows.getString(1), rows.getDouble(2));
                }
            }
        }
        return means;
    }

    /** Reference Spearman rho: Pearson correlation of average ranks; NaN when a side is constant. */
    static double spearman(double[] x, double[] y) {
        double[] rx = averageRanks(x);
        double[] ry = averageRanks(y);
        double mx = Arrays.stream(rx).average().orElseThrow();
        double my = Arrays.stream(ry).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    private static double[] averageRanks(double[] v) {
        double[] ranks = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int below = 0;
            int equal = 0;
            for (double other : v) {
                if (other < v[i]) {
                    below++;
                } else if (other == v[i]) {
                    equal++;
                }
            }
            ranks[i] = below + (equal + 1) / 2.0;
        }
        return ranks;
    }

    // --- HTTP and JDBC ------------------------------------------------------------------------------

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).header("X-API-Key", stack.apiKey());
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request, String body) {
        return request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    private static HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return send(json(request(path), JSON.writeValueAsString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
