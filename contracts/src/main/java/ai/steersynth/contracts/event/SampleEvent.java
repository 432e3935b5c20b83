package ai.steersynth.contracts.event;

import ai.steersynth.contracts.result.Sample;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** Generator output on {@code Topics.SAMPLES}, keyed by config id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SampleEvent.SampleGenerated.class, name = "SampleGenerated"),
    @JsonSubTypes.Type(value = SampleEvent.ConfigGenerationCompleted.class, name = "ConfigGenerationCompleted"),
    @JsonSubTypes.Type(value = SampleEvent.ConfigGenerationFailed.class, name = "ConfigGenerationFailed")
})
public sealed interface SampleEvent extends Event {

    /** The config the event is about. */
    String configId();

    /** The sweep of that config. */
    String sweepId();

    @Override
    default String key() {
        return configId();
    }

    /** One sample; event id {@code sample-generated:<sampleId>}. */
    record SampleGenerated(
            String eventId, String configId, Instant occurredAt, int schemaVersion, String sweepId, Sample sample)
            implements SampleEvent {}

    /** Every requested sample of the config has been published. */
    record ConfigGenerationCompleted(
            String eventId, String configId, Instant occurredAt, int schemaVersion, String sweepId, int sampleCount)
            implements SampleEvent {}

    /** The config could not be generated. */
    record ConfigGenerationFailed(
            String eventId, String configId, Instant occurredAt, int schemaVersion, String sweepId, String reason)
            implements SampleEvent {}
}
