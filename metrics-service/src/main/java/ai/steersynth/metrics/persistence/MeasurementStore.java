package ai.steersynth.metrics.persistence;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.DiversityEvent;
import ai.steersynth.contracts.event.DiversityEvent.DiversityReported;
import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.result.DiversityReport;
import ai.steersynth.platform.messaging.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactions around a measurement run, each short: start a run of a claimed config, then store its report
 * and queue {@code DiversityReported} together, or record its failure. The measurement itself runs between them,
 * outside any transaction. Every step re-checks under the config's row lock that the config is still CLAIMED, so a
 * config is reported at most once however often it is run, and a cancelled one is not reported at all.
 */
@Component
public class MeasurementStore {

    private static final Logger log = LoggerFactory.getLogger(MeasurementStore.class);

    private final ConfigRepository configs;
    private final ReportRepository reports;
    private final EventPublisher events;
    private final Clock clock;

    public MeasurementStore(ConfigRepository configs, ReportRepository reports, EventPublisher events, Clock clock) {
        this.configs = configs;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts a run of a claimed config and counts it. Empty when the config is no longer claimed, or when it has
     * used up {@code maxAttempts} runs (a run that crashed the service counts too): it is then FAILED.
     */
    @Transactional
    public Optional<Measurement> startRun(String configId, int maxAttempts) {
        Optional<Measurement> run = configs.startRun(configId);
        if (run.isPresent() && run.get().attempt() > maxAttempts) {
            log.error("Config {} was not measured in {} attempts; giving up", configId, maxAttempts);
            String reason = "not measured in " + maxAttempts + " attempts";
            configs.finishRun(configId, ConfigState.FAILED, reason);
            announceFailure(run.get(), reason);
            return Optional.empty();
        }
        return run;
    }

    /**
     * Stores the report and queues its event in one transaction; returns false, and writes nothing, when the
     * config is no longer claimed (already reported, or its sweep was cancelled meanwhile).
     */
    @Transactional
    public boolean report(Measurement run, DiversityReport report) {
        if (configs.lockState(run.configId()).orElse(null) != ConfigState.CLAIMED) {
            return false;
        }
        Instant now = clock.instant();
        reports.insert(run, report, now);
        events.publish(
                Topics.DIVERSITY_REPORTS,
                new DiversityReported(
                        "diversity-reported:" + run.configId(),
                        run.configId(),
                        now,
                        Event.SCHEMA_VERSION,
                        run.sweepId(),
                        report));
        configs.finishRun(run.configId(), ConfigState.REPORTED, null);
        return true;
    }

    /**
     * Records a failed run. Returns true when the config stays CLAIMED for another attempt; after the last
     * attempt it is FAILED with the reason.
     */
    @Transactional
    public boolean recordFailure(Measurement run, String reason, int maxAttempts) {
        if (configs.lockState(run.configId()).orElse(null) != ConfigState.CLAIMED) {
            return false;
        }
        if (run.attempt() >= maxAttempts) {
            configs.finishRun(run.configId(), ConfigState.FAILED, reason);
            announceFailure(run, reason);
            return false;
        }
        configs.recordRunFailure(run.configId(), reason);
        return true;
    }

    /** Tells the sweep that the config will have no diversity report, so it does not wait for one. */
    private void announceFailure(Measurement run, String reason) {
        events.publish(
                Topics.DIVERSITY_REPORTS,
                new DiversityEvent.DiversityFailed(
                        "diversity-failed:" + run.configId(),
                        run.configId(),
                        clock.instant(),
                        Event.SCHEMA_VERSION,
                        run.sweepId(),
                        reason));
    }

    /** The configs claimed but not finished: what a restarted service must run again. */
    public List<String> claimed() {
        return configs.claimed();
    }
}
