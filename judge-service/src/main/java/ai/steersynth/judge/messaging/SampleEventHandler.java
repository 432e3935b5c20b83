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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Judges generated samples, a poll at a time. Judging (possibly slow HTTP calls) runs outside any transaction,
 * through the judgement cache; each outcome is then recorded with its event in one transaction that also logs the
 * sample event, so a redelivered sample changes nothing. A sample whose sweep or pack is not known yet, or whose
 * judge is unavailable, fails the poll at that sample: the consumer retries it and finally dead-letters it.
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

    /**
     * Judges a poll's sample events in order. Consecutive samples with the same judge are scored in one call
     * (the offline judge embeds them together and reads their likelihood in batches); each outcome is then
     * recorded in its own transaction. When one record cannot be handled, those before it are recorded first and
     * a {@link BatchListenerFailedException} names it: the container commits the ones before, retries it, and
     * finally dead-letters it alone.
     */
    public void handleAll(List<SampleEvent> events) {
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                prepare(events.get(i), i).ifPresent(pending::add);
            } catch (RuntimeException e) {
                judgeAndRecord(pending);
                throw failedAt(i, e);
            }
        }
        judgeAndRecord(pending);
    }

    /** What a sample needs to be judged, or empty when it needs nothing (or was recorded right away). */
    private Optional<Pending> prepare(SampleEvent event, int index) {
        // Only generated samples are judged; completion and failure of generation need nothing here.
        if (!(event instanceof SampleEvent.SampleGenerated generated)
                || judgements.alreadyHandled(event.eventId(), CONSUMER)) {
            return Optional.empty();
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
            return Optional.empty();
        }
        Sample sample = generated.sample();
        JudgeRequest request = new JudgeRequest(concept(config), sample.prompt(), sample.text(), config.model());
        try {
            return Optional.of(new Pending(index, generated, registry.forSettings(config.judge()), request));
        } catch (UnsupportedJudgeException e) {
            recorder.record(
                    event.eventId(),
                    CONSUMER,
                    generated,
                    e.judgeId(),
                    "none",
                    JudgeResult.unscored(e.getMessage(), "", 0));
            return Optional.empty();
        }
    }

    /** Judges and records the pending samples, in order, one judge call per run of samples sharing a judge. */
    private void judgeAndRecord(List<Pending> pending) {
        int start = 0;
        while (start < pending.size()) {
            Judge judge = pending.get(start).judge();
            int end = start;
            while (end < pending.size() && pending.get(end).judge() == judge) {
                end++;
            }
            List<Pending> run = pending.subList(start, end);
            List<JudgeResult> results;
            try {
                results = judgeThroughCache(
                        judge, run.stream().map(Pending::request).toList());
            } catch (RuntimeException e) {
                throw failedAt(run.get(0).index(), e);
            }
            for (int k = 0; k < run.size(); k++) {
                Pending p = run.get(k);
                try {
                    recorder.record(
                            p.event().eventId(),
                            CONSUMER,
                            p.event(),
                            judge.judgeId(),
                            judge.rubricVersion(p.request()),
                            results.get(k));
                } catch (RuntimeException e) {
                    throw failedAt(p.index(), e);
                }
            }
            start = end;
        }
    }

    private static BatchListenerFailedException failedAt(int index, RuntimeException e) {
        return e instanceof BatchListenerFailedException failed
                ? failed
                : new BatchListenerFailedException(String.valueOf(e.getMessage()), e, index);
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
    private List<JudgeResult> judgeThroughCache(Judge judge, List<JudgeRequest> requests) {
        JudgeResult[] results = new JudgeResult[requests.size()];
        List<Integer> uncached = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            JudgeRequest request = requests.get(i);
            Optional<JudgeResult> cached =
                    judgements.cached(judge.judgeId(), judge.rubricVersion(request), request.inputHash());
            if (cached.isPresent()) {
                results[i] = cached.get();
            } else {
                uncached.add(i);
            }
        }
        if (!uncached.isEmpty()) {
            List<JudgeRequest> asked = uncached.stream().map(requests::get).toList();
            List<JudgeResult> answered = stages.time(StageTimer.JUDGING, () -> judge.judgeAll(asked));
            for (int k = 0; k < asked.size(); k++) {
                JudgeResult result = answered.get(k);
                results[uncached.get(k)] = result;
                if (result.isScored()) {
                    JudgeRequest request = asked.get(k);
                    judgements.cache(judge.judgeId(), judge.rubricVersion(request), request.inputHash(), result);
                }
            }
        }
        return List.of(results);
    }

    /** A sample ready to be judged, with its place in the poll. */
    private record Pending(int index, SampleEvent.SampleGenerated event, Judge judge, JudgeRequest request) {}
}
