package ai.steersynth.judge.messaging;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.event.JudgementEvent;
import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.result.Judgement;
import ai.steersynth.judge.domain.JudgeResult;
import ai.steersynth.judge.persistence.JudgementRepository;
import ai.steersynth.platform.messaging.EventPublisher;
import ai.steersynth.platform.messaging.MessageLog;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a sample's judgement and the event announcing it in one transaction, together with the message
 * log entry of the event that caused it: {@code SampleJudged} (event id {@code
 * sample-judged:<sampleId>:<judgeId>}) or {@code SampleJudgementFailed} ({@code
 * sample-judgement-failed:<sampleId>:<judgeId>}).
 */
@Component
class JudgementRecorder {

    private final MessageLog messageLog;
    private final JudgementRepository judgements;
    private final EventPublisher publisher;
    private final Clock clock;

    JudgementRecorder(MessageLog messageLog, JudgementRepository judgements, EventPublisher publisher, Clock clock) {
        this.messageLog = messageLog;
        this.judgements = judgements;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Records the outcome unless {@code consumer} already handled {@code eventId}; returns whether it did. */
    @Transactional
    public boolean record(
            String eventId,
            String consumer,
            SampleEvent.SampleGenerated sample,
            String judgeId,
            String rubricVersion,
            JudgeResult result) {
        if (!messageLog.firstDelivery(eventId, consumer)) {
            return false;
        }
        String sampleId = sample.sample().sampleId();
        judgements.insert(sampleId, judgeId, sample.configId(), sample.sweepId(), rubricVersion, result);
        publisher.publish(Topics.JUDGEMENTS, event(sample, judgeId, rubricVersion, result));
        return true;
    }

    private JudgementEvent event(
            SampleEvent.SampleGenerated sample, String judgeId, String rubricVersion, JudgeResult result) {
        String sampleId = sample.sample().sampleId();
        if (result.isScored()) {
            return new JudgementEvent.SampleJudged(
                    "sample-judged:" + sampleId + ":" + judgeId,
                    sample.configId(),
                    clock.instant(),
                    Event.SCHEMA_VERSION,
                    sample.sweepId(),
                    new Judgement(
                            sampleId,
                            result.success(),
                            result.coherence(),
                            judgeId,
                            rubricVersion,
                            result.rawOutput()));
        }
        return new JudgementEvent.SampleJudgementFailed(
                "sample-judgement-failed:" + sampleId + ":" + judgeId,
                sample.configId(),
                clock.instant(),
                Event.SCHEMA_VERSION,
                sample.sweepId(),
                sampleId,
                result.unscoredReason(),
                result.rawOutput());
    }
}
