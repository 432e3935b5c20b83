package ai.steersynth.trainer.messaging;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.DetectorRunEvent;
import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.result.DetectorRun;
import ai.steersynth.platform.messaging.EventPublisher;
import ai.steersynth.trainer.persistence.ConfigRepository;
import ai.steersynth.trainer.persistence.ConfigRow;
import ai.steersynth.trainer.persistence.DetectorRunRepository;
import ai.steersynth.trainer.persistence.TrainingStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a config's training: stores the run (or the failure) and queues the event announcing it in one transaction,
 * under the config's lock, and only if the config has not finished, so each config is announced once.
 */
@Component
class DetectorRunRecorder {

    private static final Logger log = LoggerFactory.getLogger(DetectorRunRecorder.class);

    private final ConfigRepository configs;
    private final DetectorRunRepository runs;
    private final EventPublisher events;
    private final Clock clock;

    DetectorRunRecorder(ConfigRepository configs, DetectorRunRepository runs, EventPublisher events, Clock clock) {
        this.configs = configs;
        this.runs = runs;
        this.events = events;
        this.clock = clock;
    }

    /** Stores and announces a STARTED config's run; false when the config is no longer STARTED (e.g. cancelled). */
    @Transactional
    public boolean complete(String configId, DetectorRun run, List<Map<String, Object>> seedRuns) {
        configs.lock(configId);
        Optional<ConfigRow> config = configs.find(configId).filter(c -> c.status() == TrainingStatus.STARTED);
        if (config.isEmpty()) {
            log.info("Dropping the detector run of config {}: it is no longer started", configId);
            return false;
        }
        ConfigRow row = config.get();
        if (!runs.insert(configId, row.sweepId(), row.packContentHash(), run, seedRuns)) {
            throw new IllegalStateException("config " + configId + " is STARTED but already has a detector run");
        }
        configs.finish(configId, TrainingStatus.COMPLETED, null);
        events.publish(
                Topics.DETECTOR_RUNS,
                new DetectorRunEvent.DetectorRunCompleted(
                        "detector-run:" + configId,
                        configId,
                        clock.instant(),
                        Event.SCHEMA_VERSION,
                        row.sweepId(),
                        run));
        return true;
    }

    /** Marks an unfinished config FAILED and announces why; false when it had finished already. */
    @Transactional
    public boolean fail(String configId, String reason) {
        configs.lock(configId);
        Optional<ConfigRow> config = configs.find(configId);
        if (config.isEmpty() || !configs.finish(configId, TrainingStatus.FAILED, reason)) {
            return false;
        }
        log.warn("Detector run of config {} failed: {}", configId, reason);
        events.publish(
                Topics.DETECTOR_RUNS,
                new DetectorRunEvent.DetectorRunFailed(
                        "detector-run-failed:" + configId,
                        configId,
                        clock.instant(),
                        Event.SCHEMA_VERSION,
                        config.get().sweepId(),
                        reason));
        return true;
    }
}
