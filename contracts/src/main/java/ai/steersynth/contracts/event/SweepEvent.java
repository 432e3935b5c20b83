package ai.steersynth.contracts.event;

import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.SweepSettings;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/** Sweep lifecycle events on {@code Topics.SWEEPS}, keyed by sweep id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SweepEvent.SweepCreated.class, name = "SweepCreated"),
    @JsonSubTypes.Type(value = SweepEvent.SweepCancelled.class, name = "SweepCancelled")
})
public sealed interface SweepEvent extends Event {

    /** The sweep's id. */
    String sweepId();

    @Override
    default String key() {
        return sweepId();
    }

    /**
     * A sweep was accepted: every stage learns its settings and configs (incl. original-data configs,
     * which only the trainer handles).
     */
    record SweepCreated(
            String eventId,
            String sweepId,
            Instant occurredAt,
            int schemaVersion,
            String name,
            SweepSettings settings,
            List<ConfigSpec> configs)
            implements SweepEvent {}

    /** A sweep was cancelled: stages skip its remaining work. */
    record SweepCancelled(String eventId, String sweepId, Instant occurredAt, int schemaVersion, String reason)
            implements SweepEvent {}
}
