package ai.steersynth.judge.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One chat-completions call ({@code POST <baseUrl>/chat/completions}) to any OpenAI-compatible server
 * (OpenAI, vLLM, Ollama, llama.cpp's server). Deterministic decoding (temperature 0). No retries here:
 * {@link OpenAiJudge} wraps calls in its retry, circuit breaker, rate limiter and bulkhead.
 */
public final class OpenAiChatClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI completions;
    private final String apiKey;
    private final Duration requestTimeout;

    /**
     * @param http the shared HTTP client (its connect timeout applies)
     * @param baseUrl e.g. {@code https://api.openai.com/v1} or {@code http://localhost:8000/v1}
     * @param apiKey sent as a bearer token when not blank
     * @param requestTimeout the most one call may take, response included
     */
    public OpenAiChatClient(HttpClient http, URI baseUrl, String apiKey, Duration requestTimeout) {
        this.http = http;
        String base = baseUrl.toString();
        this.completions = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
    }

    /**
     * Sends a system and a user message and returns the assistant's text.
     *
     * @throws OpenAiCallException when no answer came back
     */
    public String complete(String model, String system, String user, int maxTokens) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put(
                "messages",
                List.of(Map.of("role", "system", "content", system), Map.of("role", "user", "content", user)));
        body.put("temperature", 0);
        body.put("max_tokens", maxTokens);
        HttpRequest.Builder request = HttpRequest.newBuilder(completions)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response = send(request.build());
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean retryable = status == 429 || status >= 500;
            throw new OpenAiCallException(
                    "chat completion answered " + status + ": " + abbreviate(response.body()),
                    status,
                    retryAfter(response),
                    retryable,
                    null);
        }
        return content(response.body(), status);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new OpenAiCallException(
                    "chat completion timed out after " + requestTimeout, OpenAiCallException.NO_STATUS, null, true, e);
        } catch (IOException e) {
            throw new OpenAiCallException("chat completion failed: " + e, OpenAiCallException.NO_STATUS, null, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAiCallException("interrupted", OpenAiCallException.NO_STATUS, null, false, e);
        }
    }

    /** {@code choices[0].message.content}; a null content reads as empty (the rubric parser rejects it). */
    private static String content(String body, int status) {
        try {
            JsonNode content =
                    JSON.readTree(body).path("choices").path(0).path("message").path("content");
            if (content.isMissingNode()) {
                throw new OpenAiCallException(
                        "chat completion has no choices[0].message: " + abbreviate(body), status, null, false, null);
            }
            return content.isNull() ? "" : content.asString();
        } catch (JacksonException e) {
            throw new OpenAiCallException("chat completion is not JSON: " + abbreviate(body), status, null, false, e);
        }
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
