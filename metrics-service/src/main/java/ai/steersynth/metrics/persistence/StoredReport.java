package ai.steersynth.metrics.persistence;

import ai.steersynth.contracts.result.DiversityReport;
import java.time.Instant;

/**
 * A config's diversity report as stored.
 *
 * @param configId the config
 * @param sweepId its sweep
 * @param sampleCount the samples measured
 * @param report the published report
 * @param measuredAt when it was stored and published
 */
public record StoredReport(
        String configId, String sweepId, int sampleCount, DiversityReport report, Instant measuredAt) {}
