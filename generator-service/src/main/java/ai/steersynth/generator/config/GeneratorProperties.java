package ai.steersynth.generator.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The generator's settings.
 *
 * @param models model ids whose task topics this generator consumes; empty = every model (embedded mode)
 * @param batchSize rows generated together (rows of different configs share a batch)
 * @param device {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param modelCache where downloaded models are kept
 * @param idlePoll how long the worker waits when there is nothing to generate
 * @param packWait how long a task waits for its concept pack before it fails
 * @param maxVectorPairs contrastive pairs used to extract a steering vector at most (seeded sample)
 */
@Validated
@ConfigurationProperties("steersynth.generator")
public record GeneratorProperties(
        @DefaultValue List<String> models,
        @DefaultValue("16") @Positive int batchSize,
        @DefaultValue("cpu") @NotBlank String device,
        @NotNull Path modelCache,
        @DefaultValue("500ms") Duration idlePoll,
        @DefaultValue("5m") Duration packWait,
        @DefaultValue("128") @Positive int maxVectorPairs) {

    /** The Kafka topic pattern of the task topics this generator consumes. */
    public String topicPattern() {
        if (models.isEmpty()) {
            return "steersynth\\.generation-tasks\\..+";
        }
        return "steersynth\\.generation-tasks\\.("
                + String.join(
                        "|", models.stream().map(java.util.regex.Pattern::quote).toList()) + ")";
    }
}
