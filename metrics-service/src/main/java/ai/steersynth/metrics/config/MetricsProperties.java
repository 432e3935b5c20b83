package ai.steersynth.metrics.config;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Tunables of the metrics service.
 *
 * @param poolSize configs measured at once; each embeds on the CPU, so keep it small on a shared machine
 * @param maxAttempts measurement runs of one config before it is given up (a run the service died in counts)
 */
@Validated
@ConfigurationProperties("steersynth.metrics")
public record MetricsProperties(
        @Positive int poolSize, @Positive int maxAttempts) {}
