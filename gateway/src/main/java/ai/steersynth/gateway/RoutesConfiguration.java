package ai.steersynth.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Routes {@code /api/**} to the services. A backend that cannot be reached is answered 503 (refused
 * connection) or 502 (anything else going wrong on the way), with a JSON problem body, never 500.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    @Bean
    RouterFunction<ServerResponse> apiRoutes(GatewayProperties properties) {
        GatewayProperties.Services services = properties.services();
        return backend(
                        "sweep-service",
                        services.sweep(),
                        "/api/sweeps/**",
                        "/api/sweeps",
                        "/api/models/**",
                        "/api/models",
                        "/api/packs/**",
                        "/api/packs")
                .and(backend("generator-service", services.generator(), "/api/vectors/**", "/api/generators/**"))
                .and(backend("judge-service", services.judge(), "/api/judges/**"))
                .and(backend("metrics-service", services.metrics(), "/api/diversity/**"))
                .and(backend("trainer-service", services.trainer(), "/api/detectors/**"))
                .and(apiDocs("sweep-service", services.sweep()))
                .and(apiDocs("generator-service", services.generator()))
                .and(apiDocs("judge-service", services.judge()))
                .and(apiDocs("metrics-service", services.metrics()))
                .and(apiDocs("trainer-service", services.trainer()));
    }

    /** {@code /api/docs/<service>}: that service's OpenAPI document, so clients need only the gateway. */
    private static RouterFunction<ServerResponse> apiDocs(String name, URI target) {
        return route(name + "-api-docs")
                .route(path("/api/docs/" + name), http())
                .before(uri(target))
                .before(setPath("/v3/api-docs"))
                .onError(Exception.class, (error, request) -> backendFailure(name, error, request))
                .build();
    }

    private static RouterFunction<ServerResponse> backend(String name, URI target, String... patterns) {
        var predicate = path(patterns[0]);
        for (int i = 1; i < patterns.length; i++) {
            predicate = predicate.or(path(patterns[i]));
        }
        return route(name)
                .route(predicate, http())
                .before(uri(target))
                .onError(Exception.class, (error, request) -> backendFailure(name, error, request))
                .build();
    }

    private static ServerResponse backendFailure(String backend, Throwable error, ServerRequest request) {
        boolean unreachable =
                causedBy(error, ConnectException.class) || causedBy(error, HttpConnectTimeoutException.class);
        HttpStatus status = unreachable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                unreachable
                        ? backend + " is not reachable; try again shortly"
                        : backend + " failed to answer: " + error.getClass().getSimpleName());
        problem.setTitle(unreachable ? "Service unavailable" : "Bad gateway");
        problem.setProperty("backend", backend);
        problem.setProperty("requestId", request.headers().firstHeader(RequestIdFilter.HEADER));
        return ServerResponse.status(status).body(problem);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
