package ai.steersynth.sweep.config;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what one sweep may ask for.
 *
 * @param maxConfigsPerSweep configs after expansion (incl. baselines and references)
 * @param maxSamplesPerConfig samples generated per config
 */
@Validated
@ConfigurationProperties("steersynth.sweeps")
public record SweepProperties(
        @Positive int maxConfigsPerSweep, @Positive int maxSamplesPerConfig) {}
