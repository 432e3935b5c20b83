package ai.steersynth.metrics.web;

import ai.steersynth.contracts.result.DiversityReport;
import ai.steersynth.metrics.persistence.StoredReport;
import java.time.Instant;

/**
 * A config's diversity report as the API shows it.
 *
 * @param configId the config
 * @param sweepId its sweep
 * @param sampleCount the samples measured
 * @param measuredAt when the report was stored and published
 * @param report the report as published in {@code DiversityReported}
 */
record DiversityView(String configId, String sweepId, int sampleCount, Instant measuredAt, DiversityReport report) {

    static DiversityView of(StoredReport stored) {
        return new DiversityView(
                stored.configId(), stored.sweepId(), stored.sampleCount(), stored.measuredAt(), stored.report());
    }
}
