package ai.steersynth.judge.messaging;

import ai.steersynth.contracts.event.SweepEvent;
import ai.steersynth.judge.persistence.SweepRepository;
import ai.steersynth.platform.messaging.MessageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records each sweep's judge settings and configs (with their models' sources and the pack versions the
 * sweep was created with), and its cancellation.
 */
@Component
class SweepEventHandler {

    static final String CONSUMER = "judge-sweeps";
    private static final Logger log = LoggerFactory.getLogger(SweepEventHandler.class);

    private final MessageLog messageLog;
    private final SweepRepository sweeps;

    SweepEventHandler(MessageLog messageLog, SweepRepository sweeps) {
        this.messageLog = messageLog;
        this.sweeps = sweeps;
    }

    @Transactional
    public void handle(SweepEvent event) {
        if (!messageLog.firstDelivery(event.eventId(), CONSUMER)) {
            return;
        }
        if (event instanceof SweepEvent.SweepCreated e) {
            sweeps.insert(e.sweepId(), e.settings(), e.configs(), e.modelSources(), e.packContentHashes());
        } else if (event instanceof SweepEvent.SweepCancelled e && !sweeps.cancel(e.sweepId())) {
            log.warn("Cancellation of unknown sweep {} ignored", e.sweepId());
        }
    }
}
