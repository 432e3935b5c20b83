package ai.steersynth.contracts.event;

import ai.steersynth.contracts.pack.ConceptPack;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Concept packs as accepted by the sweep service, on the compacted {@code Topics.CONCEPT_PACKS},
 * keyed by pack id. Stages keep their own copy of what they need (no service reads another's tables).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ConceptPackEvent.ConceptPackPublished.class, name = "ConceptPackPublished"),
    @JsonSubTypes.Type(value = ConceptPackEvent.ConceptPackDeleted.class, name = "ConceptPackDeleted")
})
public sealed interface ConceptPackEvent extends Event {

    /** The pack's id. */
    String packId();

    @Override
    default String key() {
        return packId();
    }

    /** A pack was created or replaced. */
    record ConceptPackPublished(String eventId, String packId, Instant occurredAt, int schemaVersion, ConceptPack pack)
            implements ConceptPackEvent {}

    /** A pack was deleted. */
    record ConceptPackDeleted(String eventId, String packId, Instant occurredAt, int schemaVersion)
            implements ConceptPackEvent {}
}
