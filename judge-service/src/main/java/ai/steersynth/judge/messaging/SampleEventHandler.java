package ai.steersynth.judge.messaging;

import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.result.Sample;
import ai.steersynth.judge.domain.Judge;
import ai.steersynth.judge.domain.JudgeConcept;
import ai.steersynth.judge.domain.JudgeRegistry;
import ai.steersynth.judge.domain.JudgeRequest;
import ai.steersynth.judge.domain.JudgeResult;
import ai.steersynth.judge.domain.UnsupportedJudgeException;
import ai.steersynth.judge.persistence.JudgementRepository;
import ai.steersynth.judge.persistence.PackRepository;
import ai.steersynth.judge.persistence.SweepRepository;
import ai.steersynth.judge.persistence.SweepRepository.ConfigContext;
import ai.steersynth.platform.messaging.MessageLog;
import ai.steersynth.platform.observability.StageTimer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Judges a generated sample. Judging (possibly a slow HTTP call) runs outside any transaction, through
 * the judgement cache; the outcome is then recorded with its event in one transaction that also logs the
 * sample event, so a redelivered sample changes nothing. A sample whose sweep or pack is not known yet,
 * or whose judge is unavailable, throws: the consumer retries it and finally dead-letters it.
 */
@Component
class SampleEventHandler {

    static final String CONSUMER = "judge-samples";
    private static final Logger log = LoggerFactory.getLogger(SampleEventHandler.class);

    private final JudgementRepository judgements;
    private final SweepRepository sweeps;
    private final PackRepository packs;
    private final JudgeRegistry registry;
    private final JudgementRecorder recorder;
    private final MessageLog messageLog;
    private final TransactionTemplate transactions;
    private final StageTimer stages;

    SampleEventHandler(
            JudgementRepository judgements,
            SweepRepository sweeps,
            PackRepository packs,
            JudgeRegistry registry,
            JudgementRecorder recorder,
            MessageLog messageLog,
            TransactionTemplate transactions,
            StageTimer stages) {
        this.judgements = judgements;
        this.sweeps = sweeps;
        this.packs = packs;
        this.registry = registry;
        this.recorder = recorder;
        this.messageLog = messageLog;
        this.transactions = transactions;
        this.stages = stages;
    }

    public void handle(SampleEvent event) {
        // Only generated samples are judged; completion and failure of generation need nothing here.
        if (!(event instanceof SampleEvent.SampleGenerated generated)
                || judgements.alreadyHandled(event.eventId(), CONSUMER)) {
            return;
        }
        ConfigContext config = sweeps.findConfig(generated.configId())
                .orElseThrow(() -> new IllegalStateException("config " + generated.configId() + " of sweep "
                        + generated.sweepId() + " is not known (its SweepCreated has not arrived)"));
        if (config.cancelled()) {
            log.debug(
                    "Sweep {} is cancelled; sample {} skipped",
                    config.sweepId(),
                    generated.sample().sampleId());
            transactions.executeWithoutResult(status -> messageLog.firstDelivery(event.eventId(), CONSUMER));
            return;
        }
        JudgeConcept concept = concept(config);
        Sample sample = generated.sample();
        JudgeRequest request = new JudgeRequest(concept, sample.prompt(), sample.text(), config.model());
        try {
            Judge judge = registry.forSettings(config.judge());
            JudgeResult result = judgeThroughCache(judge, request);
            recorder.record(
                    event.eventId(), CONSUMER, generated, judge.judgeId(), judge.rubricVersion(request), result);
        } catch (UnsupportedJudgeException e) {
            recorder.record(
                    event.eventId(),
                    CONSUMER,
                    generated,
                    e.judgeId(),
                    "none",
                    JudgeResult.unscored(e.getMessage(), "", 0));
        }
    }

    /**
     * The pack version the config's sweep was created with, else (a sweep that named none) the latest; a
     * version not here yet throws, so the sample is retried rather than judged against another version.
     */
    private JudgeConcept concept(ConfigContext config) {
        if (config.packContentHash() == null) {
            return packs.findConcept(config.conceptId())
                    .orElseThrow(
                            () -> new IllegalStateException("concept pack " + config.conceptId() + " is not known"));
        }
        return packs.findConcept(config.conceptId(), config.packContentHash())
                .orElseThrow(() -> new IllegalStateException("concept pack " + config.conceptId() + " version "
                        + config.packContentHash() + ", which sweep " + config.sweepId()
                        + " was created with, is not known"));
    }

    /** Identical (input, rubric version, judge) is judged once; only scored results are cached. */
    private JudgeResult judgeThroughCache(Judge judge, JudgeRequest request) {
        String inputHash = request.inputHash();
        String rubricVersion = judge.rubricVersion(request);
        Optional<JudgeResult> cached = judgements.cached(judge.judgeId(), rubricVersion, inputHash);
        if (cached.isPresent()) {
            return cached.get();
        }
        JudgeResult result = stages.time(StageTimer.JUDGING, () -> judge.judge(request));
        if (result.isScored()) {
            judgements.cache(judge.judgeId(), rubricVersion, inputHash, result);
        }
        return result;
    }
}
