package ai.steersynth.contracts.event;

import ai.steersynth.contracts.result.DiversityReport;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** Metrics output on {@code Topics.DIVERSITY_REPORTS}, keyed by config id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DiversityEvent.DiversityReported.class, name = "DiversityReported"),
    @JsonSubTypes.Type(value = DiversityEvent.DiversityFailed.class, name = "DiversityFailed")
})
public sealed interface DiversityEvent extends Event {

    /** The config the event is about. */
    String configId();

    /** The sweep of that config. */
    String sweepId();

    @Override
    default String key() {
        return configId();
    }

    /** A config's diversity; event id {@code diversity-reported:<configId>}. */
    record DiversityReported(
            String eventId,
            String configId,
            Instant occurredAt,
            int schemaVersion,
            String sweepId,
            DiversityReport report)
            implements DiversityEvent {}

    /** The config's samples could not be measured; event id {@code diversity-failed:<configId>}. */
    record DiversityFailed(
            String eventId, String configId, Instant occurredAt, int schemaVersion, String sweepId, String reason)
            implements DiversityEvent {}
}
