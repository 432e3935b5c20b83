package ai.steersynth.gateway;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's settings.
 *
 * @param apiKey the key clients must present ({@code STEERSYNTH_API_KEY}); the gateway refuses to start without one
 * @param maxRequestSize larger request bodies are answered 413
 * @param services base URLs of the services behind the gateway
 */
@Validated
@ConfigurationProperties("steersynth.gateway")
record GatewayProperties(
        @NotBlank(message = "must be set (environment variable STEERSYNTH_API_KEY)")
        String apiKey,

        @NotNull DataSize maxRequestSize,
        @NotNull Services services) {

    /** Where each service listens. */
    record Services(
            @NotNull URI sweep,
            @NotNull URI generator,
            @NotNull URI judge,
            @NotNull URI metrics,
            @NotNull URI trainer) {}
}
