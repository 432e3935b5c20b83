package ai.steersynth.judge.messaging;

import ai.steersynth.contracts.event.ConceptPackEvent;
import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.judge.persistence.PackRepository;
import ai.steersynth.packs.format.PackHashes;
import ai.steersynth.platform.messaging.MessageLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the judge's copy of every pack version (definition, judge split and test split) and which is
 * each pack's latest; a deleted pack's versions stay for the sweeps created with them.
 */
@Component
class ConceptPackEventHandler {

    static final String CONSUMER = "judge-packs";

    private final MessageLog messageLog;
    private final PackRepository packs;

    ConceptPackEventHandler(MessageLog messageLog, PackRepository packs) {
        this.messageLog = messageLog;
        this.packs = packs;
    }

    @Transactional
    public void handle(ConceptPackEvent event) {
        if (!messageLog.firstDelivery(event.eventId(), CONSUMER)) {
            return;
        }
        if (event instanceof ConceptPackEvent.ConceptPackPublished e) {
            ConceptPack pack = e.pack();
            packs.store(
                    pack.id(),
                    contentHash(pack),
                    pack.definition(),
                    pack.detectorData().judge(),
                    pack.detectorData().test());
        } else if (event instanceof ConceptPackEvent.ConceptPackDeleted e) {
            packs.delete(e.packId());
        }
    }

    private static String contentHash(ConceptPack pack) {
        String recorded = pack.provenance() == null ? null : pack.provenance().contentHash();
        return recorded == null || recorded.isBlank() ? PackHashes.contentHash(pack) : recorded;
    }
}
