package ai.steersynth.contracts.event;

import ai.steersynth.contracts.result.DiversityReport;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** Metrics output on {@code Topics.DIVERSITY_REPORTS}, keyed by config id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = DiversityEvent.DiversityReported.class, name = "DiversityReported")})
public sealed interface DiversityEvent extends Event {

    /** A config's diversity; event id {@code diversity-reported:<configId>}. */
    record DiversityReported(
            String eventId,
            String configId,
            Instant occurredAt,
            int schemaVersion,
            String sweepId,
            DiversityReport report)
            implements DiversityEvent {
        @Override
        public String key() {
            return configId;
        }
    }
}
