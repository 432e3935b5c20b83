package ai.steersynth.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shows each backend's readiness under the gateway's {@code /actuator/health} ({@code components.backends}),
 * so one call tells whether the whole product can serve. The gateway's own {@code liveness} and
 * {@code readiness} groups leave the backends out: a backend being down must not restart the gateway or take
 * it out of a load balancer, where it still answers clear 503s.
 */
@Configuration(proxyBeanMethods = false)
class BackendHealthConfiguration {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Bean
    CompositeHealthContributor backends(GatewayProperties properties) {
        GatewayProperties.Services services = properties.services();
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        Map<String, HealthIndicator> backends = new LinkedHashMap<>();
        backends.put("sweep-service", () -> readiness(http, services.sweep()));
        backends.put("generator-service", () -> readiness(http, services.generator()));
        backends.put("judge-service", () -> readiness(http, services.judge()));
        backends.put("metrics-service", () -> readiness(http, services.metrics()));
        backends.put("trainer-service", () -> readiness(http, services.trainer()));
        return CompositeHealthContributor.fromMap(backends);
    }

    private static Health readiness(HttpClient http, URI base) {
        URI probe = base.resolve("/actuator/health/readiness");
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(probe).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200
                    ? Health.up().build()
                    : Health.down()
                            .withDetail("readiness", "HTTP " + response.statusCode())
                            .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        } catch (Exception e) {
            return Health.down().withDetail("readiness", "not reachable").build();
        }
    }
}
