package ai.steersynth.judge.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local server speaking the OpenAI chat-completions protocol from a script of responses; the last
 * scripted response repeats. Records each request's body, headers and arrival time.
 */
final class FakeChatServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = new ArrayList<>();

    FakeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** Queues replies, in order; the last one keeps being served. */
    FakeChatServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (this) {
            requests.add(new Request(
                    System.nanoTime(), body, exchange.getRequestHeaders().getFirst("Authorization")));
        }
        Reply reply = script.size() > 1 ? script.pollFirst() : script.peekFirst();
        try {
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (timeout); nothing to answer.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A chat completion whose assistant message is {@code content}. */
    static Reply answer(String content) {
        Map<String, Object> body = Map.of(
                "id", "chatcmpl-1",
                "object", "chat.completion",
                "choices",
                        List.of(Map.of(
                                "index",
                                0,
                                "finish_reason",
                                "stop",
                                "message",
                                Map.of("role", "assistant", "content", content))));
        return new Reply(200, Map.of(), JSON.writeValueAsString(body), Duration.ZERO);
    }

    static Reply status(int status, Map<String, String> headers) {
        return new Reply(status, headers, "{\"error\":{\"message\":\"scripted " + status + "\"}}", Duration.ZERO);
    }

    record Reply(int status, Map<String, String> headers, String body, Duration delay) {

        Reply delayedBy(Duration newDelay) {
            return new Reply(status, headers, body, newDelay);
        }
    }

    record Request(long receivedAtNanos, String body, String authorization) {}
}
