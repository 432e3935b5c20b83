package ai.steersynth.judge.messaging;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.event.JudgementEvent;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.judge.domain.Judge;
import ai.steersynth.judge.domain.JudgeConcept;
import ai.steersynth.judge.domain.JudgeRegistry;
import ai.steersynth.judge.domain.JudgeValidation;
import ai.steersynth.judge.domain.UnsupportedJudgeException;
import ai.steersynth.judge.domain.ValidityReport;
import ai.steersynth.judge.persistence.PackRepository;
import ai.steersynth.judge.persistence.SweepRepository;
import ai.steersynth.judge.persistence.SweepRepository.PendingValidity;
import ai.steersynth.judge.persistence.ValidityRepository;
import ai.steersynth.platform.messaging.EventPublisher;
import ai.steersynth.platform.messaging.MessageLog;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces, once per (sweep, concept), how well the sweep's judge separates the concept pack's real test
 * split ({@code JudgeValidityAssessed}, event id {@code judge-validity:<sweepId>:<conceptId>}), on the
 * pack version the sweep was created with (the latest one for sweeps that named none). The work
 * (running the judge over the test split) happens on one worker thread, never on a Kafka listener thread,
 * through the validity cache the {@code /validity} endpoint also fills. What is still to announce is read
 * from the database (sweeps whose announcement is not in the message log and whose pack version is here), so a
 * pack that arrives after its sweep, or a restart, is picked up by the next pass; a pass runs when a sweep
 * or pack arrives and every {@code steersynth.judge.validity-poll-interval}. The message log entry is
 * written in the same transaction as the outbox row, so nothing is announced twice.
 */
@Component
class JudgeValidityWorker {

    static final String CONSUMER = "judge-validity";
    static final String EVENT_ID_PREFIX = "judge-validity:";
    private static final int BATCH = 16;
    private static final Logger log = LoggerFactory.getLogger(JudgeValidityWorker.class);

    private final SweepRepository sweeps;
    private final PackRepository packs;
    private final ValidityRepository reports;
    private final JudgeRegistry registry;
    private final MessageLog messageLog;
    private final EventPublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final double threshold;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "judge-validity");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    JudgeValidityWorker(
            SweepRepository sweeps,
            PackRepository packs,
            ValidityRepository reports,
            JudgeRegistry registry,
            MessageLog messageLog,
            EventPublisher publisher,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${steersynth.judge.validity-threshold}") double threshold) {
        this.sweeps = sweeps;
        this.packs = packs;
        this.reports = reports;
        this.registry = registry;
        this.messageLog = messageLog;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
        this.threshold = threshold;
    }

    /** Queues one pass unless one is already queued; returns at once. */
    void nudge() {
        if (queued.compareAndSet(false, true)) {
            try {
                executor.execute(this::pass);
            } catch (RejectedExecutionException e) {
                queued.set(false); // shutting down
            }
        }
    }

    @Scheduled(fixedDelayString = "${steersynth.judge.validity-poll-interval}")
    void poll() {
        nudge();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void pass() {
        queued.set(false);
        try {
            List<PendingValidity> pending = sweeps.pendingValidity(EVENT_ID_PREFIX, CONSUMER, BATCH);
            for (PendingValidity p : pending) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                announce(p);
            }
            if (pending.size() == BATCH) {
                nudge();
            }
        } catch (RuntimeException e) {
            // The next pass retries: nothing was logged for the pair that failed.
            log.warn("Judge validity pass failed; retried on the next pass", e);
        }
    }

    private void announce(PendingValidity p) {
        Optional<JudgeConcept> found = packs.findConcept(p.conceptId(), p.packContentHash());
        if (found.isEmpty()) {
            return; // versions are never deleted; nothing to assess if one were
        }
        JudgeConcept concept = found.get();
        String eventId = EVENT_ID_PREFIX + p.sweepId() + ":" + p.conceptId();
        JudgementEvent.JudgeValidityAssessed event;
        Judge judge;
        try {
            judge = registry.forSettings(p.judge());
        } catch (UnsupportedJudgeException e) {
            event = unassessed(
                    eventId, p, concept, e.judgeId(), "none", "the judge is not available: " + e.getMessage());
            publishOnce(event);
            return;
        }
        List<LabelledExample> test = packs.testSplit(concept.id(), concept.contentHash());
        if (test.isEmpty()) {
            event = unassessed(
                    eventId,
                    p,
                    concept,
                    judge.judgeId(),
                    judge.rubricVersion(),
                    "pack '" + concept.id() + "' has no test split");
        } else {
            try {
                event = assessed(eventId, p, concept, reportOf(judge, concept, test));
            } catch (RuntimeException e) {
                log.warn("Judge {} could not be validated on {}: {}", judge.judgeId(), concept.id(), e.getMessage());
                event = unassessed(
                        eventId,
                        p,
                        concept,
                        judge.judgeId(),
                        judge.rubricVersion(),
                        "validity could not be computed: " + e.getMessage());
            }
        }
        publishOnce(event);
    }

    /** The stored report for this judge and pack content, else computed now and stored. */
    private ValidityReport reportOf(Judge judge, JudgeConcept concept, List<LabelledExample> test) {
        Optional<ValidityReport> cached =
                reports.find(judge.judgeId(), judge.rubricVersion(), concept.id(), concept.contentHash());
        if (cached.isPresent()) {
            return cached.get();
        }
        ValidityReport report = JudgeValidation.validate(judge, concept, test, threshold, clock.instant());
        reports.insert(report);
        return report;
    }

    private void publishOnce(JudgementEvent.JudgeValidityAssessed event) {
        transactions.executeWithoutResult(status -> {
            if (messageLog.firstDelivery(event.eventId(), CONSUMER)) {
                publisher.publish(Topics.JUDGEMENTS, event);
            }
        });
    }

    private JudgementEvent.JudgeValidityAssessed assessed(
            String eventId, PendingValidity p, JudgeConcept concept, ValidityReport r) {
        int examples = r.positives() + r.negatives();
        String reason;
        if (r.auroc() == null) {
            reason = "no AUROC: the judge scored " + r.positives() + " violating and " + r.negatives()
                    + " non-violating test examples (" + r.unscored() + " unscored); both classes are needed";
        } else {
            reason = r.unscored() == 0 ? null : r.unscored() + " test examples unscored and left out of the AUROC";
        }
        // The threshold of this service now, not the one the cached report was computed under.
        Boolean valid = r.auroc() == null ? null : r.auroc() >= threshold;
        return new JudgementEvent.JudgeValidityAssessed(
                eventId,
                p.sweepId(),
                clock.instant(),
                Event.SCHEMA_VERSION,
                concept.id(),
                r.judgeId(),
                r.rubricVersion(),
                r.packContentHash(),
                r.auroc(),
                examples,
                r.positives(),
                threshold,
                valid,
                reason);
    }

    private JudgementEvent.JudgeValidityAssessed unassessed(
            String eventId,
            PendingValidity p,
            JudgeConcept concept,
            String judgeId,
            String rubricVersion,
            String reason) {
        return new JudgementEvent.JudgeValidityAssessed(
                eventId,
                p.sweepId(),
                clock.instant(),
                Event.SCHEMA_VERSION,
                concept.id(),
                judgeId,
                rubricVersion,
                concept.contentHash(),
                null,
                0,
                0,
                threshold,
                null,
                reason);
    }
}
