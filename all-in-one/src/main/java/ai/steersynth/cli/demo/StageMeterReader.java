package ai.steersynth.cli.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the stage meters ({@code steersynth.stage.active} and {@code steersynth.stage.busy}, tagged {@code stage})
 * from each embedded service's {@code /actuator/metrics} on its loopback port. A service that is down or has not
 * worked yet (no meter) contributes nothing.
 */
final class StageMeterReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACTIVE = "steersynth.stage.active";
    private static final String BUSY = "steersynth.stage.busy";

    private final HttpClient http;
    private final Collection<Integer> ports;

    StageMeterReader(HttpClient http, Collection<Integer> ports) {
        this.http = http;
        this.ports = List.copyOf(ports);
    }

    StageTimes.Reading read() throws InterruptedException {
        Map<String, Integer> active = new HashMap<>();
        Map<String, StageTimes.Busy> busy = new HashMap<>();
        for (int port : ports) {
            for (String stage : stages(port)) {
                Map<String, Double> a = statistics(port, ACTIVE, stage);
                active.merge(stage, a.getOrDefault("ACTIVE_TASKS", 0.0).intValue(), Integer::sum);
                Map<String, Double> b = statistics(port, BUSY, stage);
                busy.merge(
                        stage,
                        new StageTimes.Busy(
                                b.getOrDefault("TOTAL_TIME", 0.0),
                                b.getOrDefault("COUNT", 0.0).longValue()),
                        (x, y) -> new StageTimes.Busy(x.seconds() + y.seconds(), x.units() + y.units()));
            }
        }
        return new StageTimes.Reading(active, busy);
    }

    /** The stages this service has meters for. */
    private List<String> stages(int port) throws InterruptedException {
        Map<?, ?> body = get(port, BUSY, null);
        if (body == null || !(body.get("availableTags") instanceof List<?> tags)) {
            return List.of();
        }
        for (Object tag : tags) {
            Map<?, ?> t = (Map<?, ?>) tag;
            if ("stage".equals(t.get("tag")) && t.get("values") instanceof List<?> values) {
                return values.stream().map(String::valueOf).toList();
            }
        }
        return List.of();
    }

    private Map<String, Double> statistics(int port, String meter, String stage) throws InterruptedException {
        Map<String, Double> statistics = new HashMap<>();
        Map<?, ?> body = get(port, meter, stage);
        if (body != null && body.get("measurements") instanceof List<?> measurements) {
            for (Object m : measurements) {
                Map<?, ?> measurement = (Map<?, ?>) m;
                if (measurement.get("value") instanceof Number value) {
                    statistics.put(String.valueOf(measurement.get("statistic")), value.doubleValue());
                }
            }
        }
        return statistics;
    }

    private Map<?, ?> get(int port, String meter, String stage) throws InterruptedException {
        String query = stage == null ? "" : "?tag=" + URLEncoder.encode("stage:" + stage, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/metrics/" + meter + query))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readValue(response.body(), Map.class) : null;
        } catch (IOException e) {
            return null; // the service is down (restarting) or busy: nothing to add this time
        }
    }
}
