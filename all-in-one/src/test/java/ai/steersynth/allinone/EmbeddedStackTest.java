package ai.steersynth.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.platform.test.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded default as {@code steersynth serve} starts it: a real in-process broker, a real
 * PostgreSQL, every service and the gateway, exercised only through the gateway.
 */
class EmbeddedStackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path home;

    private static EmbeddedStack stack;
    private static TestDatabases.Database database;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startStack() throws Exception {
        database = TestDatabases.create();
        StackSettings settings = new StackSettings(home, 0, null, database.url(), database.user(), database.password());
        stack = EmbeddedStack.start(settings, message -> {});
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theGatewayAndEveryServiceAreHealthy() throws Exception {
        assertThat(get("/actuator/health", null).body()).contains("\"status\":\"UP\"");
        for (Map.Entry<String, Integer> service : stack.servicePorts().entrySet()) {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.getValue() + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).as(service.getKey()).contains("\"status\":\"UP\"");
        }
        assertThat(stack.servicePorts()).containsOnlyKeys("sweep", "generator", "judge", "metrics", "trainer");
    }

    @Test
    void eachServiceMigratedItsOwnSchemaAndNothingLandedInPublic() throws Exception {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT table_schema FROM information_schema.tables"
                                + " WHERE table_name = 'flyway_schema_history' ORDER BY 1")) {
            List<String> schemas = new ArrayList<>();
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
            assertThat(schemas).containsExactly("generation", "judging", "metrics", "sweep", "training");
        }
    }

    @Test
    void theApiKeyIsGeneratedKeptInTheHomeAndRequired() throws Exception {
        assertThat(Files.readString(home.resolve("api-key")).strip()).isEqualTo(stack.apiKey());
        HttpResponse<String> anonymous = post("/api/sweeps", "{}", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aSweepGoesThroughTheGatewayFromValidationToCancellation() throws Exception {
        String key = stack.apiKey();
        HttpResponse<String> malformed = post(
                "/api/sweeps",
                "{\"concepts\":[\"x\"],\"models\":[],\"methods\":[\"PCA\"],\"layers\":[1],\"strengths\":[1]}",
                key);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"field\":\"models\"");

        assertThat(post("/api/models", "{\"id\":\"smol\",\"source\":\"/models/smol.gguf\"}", key)
                        .statusCode())
                .isEqualTo(201);
        String pack = new String(EmbeddedStackTest.class
                .getResourceAsStream("/packs/tiny-pack.json")
                .readAllBytes());
        assertThat(post("/api/packs", pack, key).statusCode()).isEqualTo(201);

        HttpResponse<String> created = post(
                "/api/sweeps",
                "{\"concepts\":[\"tiny-toxicity\"],\"models\":[\"smol\"],\"methods\":[\"PCA\",\"ACTADD\"],"
                        + "\"layers\":[2,4],\"strengths\":[1.0],\"samplesPerConfig\":4}",
                key);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = (String) JSON.readValue(created.body(), Map.class).get("id");

        Map<?, ?> view = JSON.readValue(get("/api/sweeps/" + id, key).body(), Map.class);
        assertThat(((Map<?, ?>) view.get("configs")).get("total")).isEqualTo(6);
        assertThat(post("/api/sweeps/" + id + "/cancel", "", key).body()).contains("\"state\":\"CANCELLED\"");
        assertThat(post("/api/sweeps/" + id + "/cancel", "", key).statusCode()).isEqualTo(409);
    }

    @Test
    void anInvalidPackUploadedThroughTheGatewayIsA400NamingEachFieldAndStoresNothing() throws Exception {
        String key = stack.apiKey();
        HttpResponse<String> response = post(
                "/api/packs",
                "{\"id\":\"Bad Id\",\"name\":\"x\",\"definition\":\"\",\"promptingInstruction\":\"p\","
                        + "\"contrastivePairs\":[],\"generationPrompts\":[\"g\"],"
                        + "\"detectorData\":{\"train\":[{\"text\":\"t\",\"label\":3}],\"judge\":[],\"test\":[]}}",
                key);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"field\":\"id\"")
                .contains("\"field\":\"definition\"")
                .contains("\"field\":\"contrastivePairs\"")
                .contains("detectorData.train[0].label");
        assertThat(get("/api/packs/Bad%20Id", key).statusCode()).isEqualTo(404);
    }

    @Test
    void theDefaultPacksAreLoadedOnceFromTheSharedData() throws Exception {
        Path shared = SharedData.directory();
        DefaultPackLoader loader = new DefaultPackLoader(stack.gatewayUrl(), stack.apiKey());

        List<DefaultPackLoader.Outcome> first = loader.loadMissing(List.of(shared), null);
        List<DefaultPackLoader.Outcome> second = loader.loadMissing(List.of(shared), null);

        assertThat(first)
                .extracting(DefaultPackLoader.Outcome::packId)
                .containsExactly("toxicity", "harmful-requests", "sycophancy", "hallucination");
        assertThat(first).allSatisfy(o -> assertThat(o.loaded()).as(o.detail()).isTrue());
        assertThat(second).allSatisfy(o -> assertThat(o.detail()).isEqualTo("already present"));
        assertThat(get("/api/packs/toxicity", stack.apiKey()).body()).contains("\"definition\"");
    }

    @Test
    void aDefaultPackWhoseSourcesAreMissingIsSkippedWithTheReason() throws Exception {
        DefaultPackLoader loader = new DefaultPackLoader(stack.gatewayUrl(), stack.apiKey());
        // Another test may have loaded the packs already; look only at ones still missing.
        List<DefaultPackLoader.Outcome> outcomes = loader.loadMissing(List.of(home.resolve("no-such-dir")), null);

        assertThat(outcomes).allSatisfy(o -> assertThat(o.loaded()).isFalse());
        assertThat(outcomes)
                .filteredOn(o -> !o.detail().equals("already present"))
                .allSatisfy(o -> assertThat(o.detail()).contains("sources not found"));
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
