package ai.steersynth.contracts.event;

import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.contracts.sweep.SweepSettings;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** Events on a model's generation-task topic ({@code Topics.generationTasks(modelId)}), keyed by config id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = GenerationTaskEvent.GenerationTaskRequested.class, name = "GenerationTaskRequested")
})
public sealed interface GenerationTaskEvent extends Event {

    /**
     * Generate a config's samples.
     *
     * @param config the config to generate
     * @param settings the sweep's stage settings (samples, seed, decoding)
     * @param modelSource where the generator finds the model's weights
     * @param packContentHash the content hash of the concept pack version the sweep was created with
     */
    record GenerationTaskRequested(
            String eventId,
            String configId,
            Instant occurredAt,
            int schemaVersion,
            ConfigSpec config,
            SweepSettings settings,
            ModelSource modelSource,
            String packContentHash)
            implements GenerationTaskEvent {
        @Override
        public String key() {
            return configId;
        }
    }
}
