package ai.steersynth.contracts.event;

import ai.steersynth.contracts.result.DetectorRun;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** Trainer output on {@code Topics.DETECTOR_RUNS}, keyed by config id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DetectorRunEvent.DetectorRunCompleted.class, name = "DetectorRunCompleted"),
    @JsonSubTypes.Type(value = DetectorRunEvent.DetectorRunFailed.class, name = "DetectorRunFailed")
})
public sealed interface DetectorRunEvent extends Event {

    /** The config the detector was trained for. */
    String configId();

    /** The sweep of that config. */
    String sweepId();

    @Override
    default String key() {
        return configId();
    }

    /** A detector was trained and evaluated; event id {@code detector-run:<configId>}. */
    record DetectorRunCompleted(
            String eventId, String configId, Instant occurredAt, int schemaVersion, String sweepId, DetectorRun run)
            implements DetectorRunEvent {}

    /** Training failed for the config. */
    record DetectorRunFailed(
            String eventId, String configId, Instant occurredAt, int schemaVersion, String sweepId, String reason)
            implements DetectorRunEvent {}
}
