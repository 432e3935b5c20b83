package ai.steersynth.contracts.event;

import java.time.Instant;

/**
 * What every event carries. The event id is deterministic where a retry could republish the same
 * fact (e.g. {@code sample-generated:<sampleId>}), so consumers' message logs drop duplicates.
 */
public interface Event {

    /** Current schema version of every event record in this module. */
    int SCHEMA_VERSION = 1;

    /** Unique per fact; consumers store it to ignore redeliveries. */
    String eventId();

    /** The aggregate id the event is keyed by on its topic. */
    String key();

    /** When the fact happened. */
    Instant occurredAt();

    /** Version of the record's shape. */
    int schemaVersion();
}
