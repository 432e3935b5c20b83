package ai.steersynth.sweep.messaging;

import ai.steersynth.contracts.event.DetectorRunEvent;
import ai.steersynth.contracts.event.DiversityEvent;
import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.event.JudgementEvent;
import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.platform.messaging.MessageLog;
import ai.steersynth.sweep.domain.StageState;
import ai.steersynth.sweep.domain.SweepState;
import ai.steersynth.sweep.persistence.JudgeValidityRepository;
import ai.steersynth.sweep.persistence.SampleRepository;
import ai.steersynth.sweep.persistence.SweepRepository;
import ai.steersynth.sweep.persistence.SweepRow;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a sweep's read model forward from stage events, and keeps each sample and its judgement
 * for the dataset export. Each handler runs in one transaction that
 * first records the event id in the message log (a redelivery is a no-op) and locks the sweep row
 * (so concurrent stages cannot both miss the sweep's completion).
 */
@Component
class ProgressEventHandler {

    static final String CONSUMER = "sweep-progress";
    private static final Logger log = LoggerFactory.getLogger(ProgressEventHandler.class);

    private final MessageLog messageLog;
    private final SweepRepository sweeps;
    private final SampleRepository samples;
    private final JudgeValidityRepository judgeValidity;

    ProgressEventHandler(
            MessageLog messageLog,
            SweepRepository sweeps,
            SampleRepository samples,
            JudgeValidityRepository judgeValidity) {
        this.messageLog = messageLog;
        this.sweeps = sweeps;
        this.samples = samples;
        this.judgeValidity = judgeValidity;
    }

    // Java 17 has no pattern switch; instanceof chains over the sealed types stand in for it.

    @Transactional
    public void handle(SampleEvent event) {
        if (begin(event.eventId(), event.sweepId(), event.configId()).isEmpty()) {
            return;
        }
        if (event instanceof SampleEvent.SampleGenerated e) {
            sweeps.countSampleGenerated(e.configId());
            samples.storeSample(e.sample());
        } else if (event instanceof SampleEvent.ConfigGenerationCompleted e) {
            sweeps.markGeneration(e.configId(), StageState.DONE, null);
        } else if (event instanceof SampleEvent.ConfigGenerationFailed e) {
            sweeps.markGeneration(e.configId(), StageState.FAILED, "generation: " + e.reason());
        }
        finish(event.sweepId());
    }

    @Transactional
    public void handle(JudgementEvent event) {
        if (event instanceof JudgementEvent.JudgeValidityAssessed e) {
            // About a sweep's concept, not a config: stored for the report, no stage progresses.
            if (messageLog.firstDelivery(e.eventId(), CONSUMER)) {
                if (sweeps.findSweep(e.sweepId()).isPresent()) {
                    judgeValidity.insert(e);
                } else {
                    log.warn("Judge validity {} names unknown sweep {}; ignored", e.eventId(), e.sweepId());
                }
            }
            return;
        }
        if (begin(event.eventId(), event.sweepId(), event.configId()).isEmpty()) {
            return;
        }
        if (event instanceof JudgementEvent.SampleJudged e) {
            sweeps.countJudgement(
                    e.configId(), e.judgement().success(), e.judgement().coherence());
            samples.storeJudgement(e.configId(), e.judgement());
        } else if (event instanceof JudgementEvent.SampleJudgementFailed e) {
            sweeps.countJudgementFailed(e.configId());
        }
        finish(event.sweepId());
    }

    @Transactional
    public void handle(DiversityEvent event) {
        if (begin(event.eventId(), event.sweepId(), event.configId()).isEmpty()) {
            return;
        }
        if (event instanceof DiversityEvent.DiversityReported e) {
            sweeps.storeDiversity(e.configId(), EventCodec.encode(e.report()));
        } else if (event instanceof DiversityEvent.DiversityFailed e) {
            sweeps.markDiversityFailed(e.configId(), "diversity: " + e.reason());
        }
        finish(event.sweepId());
    }

    @Transactional
    public void handle(DetectorRunEvent event) {
        if (begin(event.eventId(), event.sweepId(), event.configId()).isEmpty()) {
            return;
        }
        if (event instanceof DetectorRunEvent.DetectorRunCompleted e) {
            sweeps.storeDetectorRun(e.configId(), StageState.DONE, EventCodec.encode(e.run()), null);
        } else if (event instanceof DetectorRunEvent.DetectorRunFailed e) {
            sweeps.storeDetectorRun(e.configId(), StageState.FAILED, null, "training: " + e.reason());
        }
        finish(event.sweepId());
    }

    /** Logs the event and locks its sweep; empty when the event is a redelivery or names no known config. */
    private Optional<SweepRow> begin(String eventId, String sweepId, String configId) {
        if (!messageLog.firstDelivery(eventId, CONSUMER)) {
            log.debug("Ignoring redelivered event {}", eventId);
            return Optional.empty();
        }
        Optional<SweepRow> sweep = sweeps.lockSweep(sweepId);
        if (sweep.isEmpty() || sweeps.findConfig(configId).isEmpty()) {
            log.warn("Event {} names unknown sweep {} or config {}; ignored", eventId, sweepId, configId);
            return Optional.empty();
        }
        return sweep;
    }

    private void finish(String sweepId) {
        SweepRow sweep = sweeps.findSweep(sweepId).orElseThrow();
        if (sweep.state().terminal()) {
            return;
        }
        if (sweeps.allConfigsTerminal(sweepId)) {
            sweeps.updateState(sweepId, SweepState.COMPLETED, null);
        } else if (sweep.state() == SweepState.PENDING) {
            sweeps.updateState(sweepId, SweepState.RUNNING, null);
        }
    }
}
