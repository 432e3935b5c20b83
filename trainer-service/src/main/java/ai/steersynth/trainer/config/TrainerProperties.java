package ai.steersynth.trainer.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Tunables of the trainer.
 *
 * @param poolSize detectors trained at once; keep it small on a machine shared with the generator
 * @param bootstrapResamples resamples of the AUROC interval
 * @param confidenceLevel coverage of the AUROC interval
 */
@Validated
@ConfigurationProperties("steersynth.trainer")
public record TrainerProperties(
        @Positive int poolSize,
        @Min(100) int bootstrapResamples,

        @DecimalMin(value = "0.5", inclusive = false) @DecimalMax(value = "1.0", inclusive = false)
        double confidenceLevel) {}
