package ai.steersynth.metrics.messaging;

import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.event.SweepEvent;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.metrics.persistence.ConfigRepository;
import ai.steersynth.metrics.persistence.ConfigState;
import ai.steersynth.metrics.persistence.SampleRepository;
import ai.steersynth.metrics.persistence.SweepRepository;
import ai.steersynth.platform.messaging.MessageLog;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collects what a config's measurement needs: its sweep's settings, its samples and its completion. They come on
 * two topics in any order; the transaction that brings the last of them also claims the config, and the claim is
 * handed to {@link DiversityWorker} after commit, so the measurement never runs inside this transaction. Each
 * handler first records the event id in the message log, so a redelivery is a no-op.
 */
@Component
class MetricsEventHandler {

    static final String CONSUMER = "metrics";
    private static final Logger log = LoggerFactory.getLogger(MetricsEventHandler.class);

    private final MessageLog messageLog;
    private final SweepRepository sweeps;
    private final ConfigRepository configs;
    private final SampleRepository samples;
    private final ApplicationEventPublisher claims;

    MetricsEventHandler(
            MessageLog messageLog,
            SweepRepository sweeps,
            ConfigRepository configs,
            SampleRepository samples,
            ApplicationEventPublisher claims) {
        this.messageLog = messageLog;
        this.sweeps = sweeps;
        this.configs = configs;
        this.samples = samples;
        this.claims = claims;
    }

    // Java 17 has no pattern switch; instanceof chains over the sealed types stand in for it.

    @Transactional
    public void handle(SweepEvent event) {
        if (!firstDelivery(event)) {
            return;
        }
        if (event instanceof SweepEvent.SweepCreated e) {
            sweeps.recordCreated(e.sweepId(), e.settings().mattrWindow());
            // Registering locks every config row, so a sample handler racing on another topic either committed
            // before the claim below (which then sees its sample) or waits and sees this sweep.
            for (ConfigSpec config : e.configs()) {
                configs.register(config);
            }
            if (sweeps.isCancelled(e.sweepId())) {
                configs.cancelOpenConfigs(e.sweepId());
            }
            announce(configs.claimReadyOfSweep(e.sweepId()));
        } else if (event instanceof SweepEvent.SweepCancelled e) {
            sweeps.recordCancelled(e.sweepId(), e.reason());
            int cancelled = configs.cancelOpenConfigs(e.sweepId());
            log.info("Sweep {} cancelled ({}); {} configs will not be measured", e.sweepId(), e.reason(), cancelled);
        }
    }

    @Transactional
    public void handle(SampleEvent event) {
        if (!firstDelivery(event)) {
            return;
        }
        if (sweeps.isCancelled(event.sweepId())) {
            log.debug("Ignoring {} of cancelled sweep {}", event.eventId(), event.sweepId());
            return;
        }
        configs.lock(event.configId(), event.sweepId());
        if (record(event)) {
            announce(configs.claimIfReady(event.configId()).stream().toList());
        }
    }

    /** Stores what the event says about its config; returns whether the config may now be ready. */
    private boolean record(SampleEvent event) {
        if (event instanceof SampleEvent.SampleGenerated e) {
            if (!e.sample().configId().equals(e.configId())) {
                throw new IllegalArgumentException("event " + e.eventId() + " of config " + e.configId()
                        + " carries a sample of " + e.sample().configId());
            }
            samples.insert(e.sample());
            return true;
        } else if (event instanceof SampleEvent.ConfigGenerationCompleted e) {
            if (e.sampleCount() < 1) {
                configs.endWaiting(
                        e.configId(), ConfigState.NOTHING_TO_MEASURE, "generation completed with no samples");
                return false;
            }
            configs.recordCompletion(e.configId(), e.sampleCount());
            return true;
        } else if (event instanceof SampleEvent.ConfigGenerationFailed e) {
            configs.endWaiting(e.configId(), ConfigState.GENERATION_FAILED, e.reason());
        }
        return false;
    }

    private boolean firstDelivery(Event event) {
        if (event.schemaVersion() != Event.SCHEMA_VERSION) {
            // Thrown, not skipped: after the bounded retries the record is parked on the dead-letter topic.
            throw new IllegalArgumentException(
                    "event " + event.eventId() + " has unknown schema version " + event.schemaVersion());
        }
        if (!messageLog.firstDelivery(event.eventId(), CONSUMER)) {
            log.debug("Ignoring redelivered event {}", event.eventId());
            return false;
        }
        return true;
    }

    private void announce(List<String> claimedConfigIds) {
        for (String configId : claimedConfigIds) {
            claims.publishEvent(new ConfigClaimed(configId));
        }
    }
}
