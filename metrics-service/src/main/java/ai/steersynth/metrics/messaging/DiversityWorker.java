package ai.steersynth.metrics.messaging;

import ai.steersynth.contracts.result.DiversityReport;
import ai.steersynth.metrics.config.MetricsProperties;
import ai.steersynth.metrics.domain.DiversityCalculator;
import ai.steersynth.metrics.domain.DiversityScores;
import ai.steersynth.metrics.domain.DiversitySettings;
import ai.steersynth.metrics.domain.TextEmbedder;
import ai.steersynth.metrics.persistence.Measurement;
import ai.steersynth.metrics.persistence.MeasurementStore;
import ai.steersynth.metrics.persistence.SampleRepository;
import ai.steersynth.platform.observability.StageTimer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Measures claimed configs on a bounded pool, outside any database transaction: start the run (short
 * transaction), read the samples, embed and measure them (seconds), then store and publish the report (short
 * transaction guarded by the claim). A failed run is retried up to {@code max-attempts}; a claim left by a stopped
 * service is run again when the service is ready.
 */
@Component
class DiversityWorker {

    static final String COMPUTATION_TIMER = "steersynth.diversity.computation";
    static final String REPORTS_COUNTER = "steersynth.diversity.reports.published";
    private static final Logger log = LoggerFactory.getLogger(DiversityWorker.class);

    private final MeasurementStore store;
    private final SampleRepository samples;
    private final TextEmbedder embedder;
    private final ExecutorService pool;
    private final int maxAttempts;
    private final Timer computation;
    private final Counter reportsPublished;
    private final StageTimer stages;
    /** Configs queued or running here, so a claim announced twice (after commit and on resume) runs once. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    DiversityWorker(
            MeasurementStore store,
            SampleRepository samples,
            TextEmbedder embedder,
            ExecutorService diversityPool,
            MetricsProperties properties,
            StageTimer stages,
            MeterRegistry meters) {
        this.store = store;
        this.samples = samples;
        this.embedder = embedder;
        this.pool = diversityPool;
        this.maxAttempts = properties.maxAttempts();
        this.stages = stages;
        this.computation = Timer.builder(COMPUTATION_TIMER)
                .description("Embedding and measuring one config's sample set")
                .register(meters);
        this.reportsPublished = Counter.builder(REPORTS_COUNTER)
                .description("Diversity reports stored and queued for publication")
                .register(meters);
    }

    @TransactionalEventListener
    void onClaimed(ConfigClaimed claimed) {
        submit(claimed.configId());
    }

    /** Runs again every claim a previous run of the service left unfinished. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeClaimed() {
        List<String> claimed = store.claimed();
        if (!claimed.isEmpty()) {
            log.info("Resuming {} claimed configs", claimed.size());
        }
        claimed.forEach(this::submit);
    }

    private void submit(String configId) {
        if (!queued.add(configId)) {
            return;
        }
        try {
            pool.execute(() -> {
                try {
                    while (runOnce(configId)) {
                        // a failed run with attempts left: run it again
                    }
                } catch (RuntimeException e) {
                    // The database failed around the run: the claim stays, and the next start resumes it.
                    log.error("Could not run config {}; it stays claimed until the service restarts", configId, e);
                } finally {
                    queued.remove(configId);
                }
            });
        } catch (RejectedExecutionException e) {
            // The pool is shutting down; the claim stays in the database and the next start resumes it.
            queued.remove(configId);
        }
    }

    /** One run of a claimed config; returns true when it failed and should be run again. */
    private boolean runOnce(String configId) {
        Optional<Measurement> started = store.startRun(configId, maxAttempts);
        if (started.isEmpty()) {
            return false;
        }
        Measurement run = started.get();
        try {
            DiversityReport report = measure(run);
            if (store.report(run, report)) {
                reportsPublished.increment();
                log.info("Config {}: diversity {} over {} samples", configId, report.diversity(), run.sampleCount());
            }
            return false;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return false; // shutting down: the claim stays and the next start runs it again
            }
            log.warn("Measuring config {} failed (attempt {} of {})", configId, run.attempt(), maxAttempts, e);
            return store.recordFailure(run, e.toString(), maxAttempts);
        }
    }

    private DiversityReport measure(Measurement run) {
        List<String> texts = samples.texts(run.configId(), run.sampleCount());
        if (texts.size() != run.sampleCount()) {
            throw new IllegalStateException("config " + run.configId() + " has " + texts.size() + " of "
                    + run.sampleCount() + " samples stored");
        }
        DiversityCalculator calculator = new DiversityCalculator(embedder, new DiversitySettings(run.mattrWindow()));
        DiversityScores scores =
                stages.time(StageTimer.DIVERSITY, () -> computation.record(() -> calculator.measure(texts)));
        Map<String, Double> components = scores.components();
        components.forEach((name, value) -> {
            if (!Double.isFinite(value)) {
                throw new IllegalStateException("component " + name + " of config " + run.configId() + " is " + value);
            }
        });
        return new DiversityReport(
                scores.sampleLevel().score(), scores.setLevel().score(), scores.diversity(), components);
    }
}
