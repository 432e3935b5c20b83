package ai.steersynth.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "steersynth.gateway.max-request-size=1KB"})
class GatewayTest {

    private static final String KEY = "test-key-123";
    private static final AtomicReference<String> seenRequestId = new AtomicReference<>();
    private static final HttpServer sweepBackend = startBackend();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) throws IOException {
        int closedPort = freePort();
        registry.add("steersynth.gateway.api-key", () -> KEY);
        registry.add(
                "steersynth.gateway.services.sweep",
                () -> "http://127.0.0.1:" + sweepBackend.getAddress().getPort());
        for (String service : new String[] {"generator", "judge", "metrics", "trainer"}) {
            registry.add("steersynth.gateway.services." + service, () -> "http://127.0.0.1:" + closedPort);
        }
    }

    @AfterAll
    static void stopBackend() {
        sweepBackend.stop(0);
    }

    @Test
    void aRequestWithoutAKeyIsRefusedWith401AndAJsonProblem() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(api("/api/sweeps")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(response.body()).contains("Missing API key");
    }

    @Test
    void aWrongKeyIsRefused() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/sweeps"))
                .header("X-API-Key", "nope")
                .GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Invalid API key");
    }

    @Test
    void aBearerKeyIsRoutedToTheSweepServiceWithARequestId() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/sweeps"))
                .header("Authorization", "Bearer " + KEY)
                .GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[\"from-sweep-backend\"]");
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(seenRequestId.get()).isEqualTo(requestId);
    }

    @Test
    void theClientsRequestIdIsKeptAndXApiKeyWorksToo() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/models"))
                .header("X-API-Key", KEY)
                .header("X-Request-Id", "client-chosen-1")
                .GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(seenRequestId.get()).isEqualTo("client-chosen-1");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("client-chosen-1");
    }

    @Test
    void aBackendThatIsDownIsAnswered503WithAJsonBodyNamingIt() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/judges/offline/validity"))
                .header("X-API-Key", KEY)
                .GET());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("judge-service").contains("\"status\":503");
    }

    @Test
    void anOversizedBodyIsRefusedWith413BeforeReachingABackend() throws Exception {
        String body = "x".repeat(2048);
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/packs"))
                .header("X-API-Key", KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("over the limit");
    }

    @Test
    void aServicesOpenApiDocumentIsServedUnderApiDocs() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/docs/sweep-service"))
                .header("X-API-Key", KEY)
                .GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"");
    }

    @Test
    void livenessIsOpenWithoutAKeyAndIgnoresBackendsThatAreDown() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(api("/actuator/health/liveness")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }

    @Test
    void healthShowsWhichBackendIsDown() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(api("/actuator/health")).GET());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body())
                .contains("\"sweep-service\":{\"status\":\"UP\"}")
                .contains("\"judge-service\":{\"status\":\"DOWN\"}")
                .contains("\"trainer-service\":{\"status\":\"DOWN\"}");
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer startBackend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/actuator/health/readiness", exchange -> {
                byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/v3/api-docs", exchange -> {
                byte[] body = "{\"openapi\":\"3.1.0\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/api/", exchange -> {
                seenRequestId.set(exchange.getRequestHeaders().getFirst("X-Request-Id"));
                byte[] body = "[\"from-sweep-backend\"]".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
