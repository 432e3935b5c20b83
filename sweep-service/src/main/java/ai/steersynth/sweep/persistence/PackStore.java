package ai.steersynth.sweep.persistence;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.ConceptPackEvent.ConceptPackDeleted;
import ai.steersynth.contracts.event.ConceptPackEvent.ConceptPackPublished;
import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.platform.messaging.EventPublisher;
import ai.steersynth.platform.web.NotFoundException;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores concept packs and announces them to the stages in the same transaction. */
@Component
public class PackStore {

    private final PackRepository packs;
    private final EventPublisher events;
    private final Clock clock;

    public PackStore(PackRepository packs, EventPublisher events, Clock clock) {
        this.packs = packs;
        this.events = events;
        this.clock = clock;
    }

    /** Creates or replaces a validated pack; returns true when it was new. */
    @Transactional
    public boolean save(ConceptPack pack) {
        String hash = pack.provenance().contentHash();
        boolean created = packs.upsert(pack, hash);
        events.publish(
                Topics.CONCEPT_PACKS,
                new ConceptPackPublished(
                        "pack-published:" + pack.id() + ":" + hash,
                        pack.id(),
                        clock.instant(),
                        Event.SCHEMA_VERSION,
                        pack));
        return created;
    }

    /** Deletes a pack (sweeps already created keep the version they were created with downstream). */
    @Transactional
    public void delete(String id) {
        if (!packs.delete(id)) {
            throw new NotFoundException("concept pack", id);
        }
        events.publish(
                Topics.CONCEPT_PACKS,
                new ConceptPackDeleted(
                        "pack-deleted:" + id + ":" + clock.millis(), id, clock.instant(), Event.SCHEMA_VERSION));
    }
}
