package ai.steersynth.trainer.messaging;

import ai.steersynth.contracts.sweep.DetectorSettings;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.contracts.sweep.SweepSettings;
import ai.steersynth.platform.observability.StageTimer;
import ai.steersynth.trainer.domain.Detector;
import ai.steersynth.trainer.domain.DetectorEvaluator;
import ai.steersynth.trainer.domain.DetectorRegistry;
import ai.steersynth.trainer.domain.DetectorRunSummary;
import ai.steersynth.trainer.domain.DetectorSeeds;
import ai.steersynth.trainer.domain.ExtrinsicTest;
import ai.steersynth.trainer.domain.GeneratedSample;
import ai.steersynth.trainer.domain.SeededEvaluation;
import ai.steersynth.trainer.persistence.ConfigRepository;
import ai.steersynth.trainer.persistence.ConfigRow;
import ai.steersynth.trainer.persistence.GenerationOutcome;
import ai.steersynth.trainer.persistence.PackSplits;
import ai.steersynth.trainer.persistence.PackVersionRepository;
import ai.steersynth.trainer.persistence.SampleRepository;
import ai.steersynth.trainer.persistence.SweepRepository;
import ai.steersynth.trainer.persistence.SweepRow;
import ai.steersynth.trainer.persistence.TrainingStatus;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Objects;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trains STARTED configs on the bounded training pool, outside any database transaction: reads the config's inputs,
 * runs the {@link ExtrinsicTest} and hands the result to the {@link DetectorRunRecorder}. A config is queued at most
 * once per process. On startup every config still STARTED (the service stopped mid-training) is queued again.
 */
@Component
class TrainingWorker {

    private static final Logger log = LoggerFactory.getLogger(TrainingWorker.class);

    private final ExecutorService executor;
    private final TransactionTemplate reads;
    private final ConfigRepository configs;
    private final SweepRepository sweeps;
    private final PackVersionRepository packs;
    private final SampleRepository samples;
    private final DetectorRegistry registry;
    private final DetectorEvaluator evaluator;
    private final DetectorRunRecorder recorder;
    private final StageTimer stages;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;

    TrainingWorker(
            ExecutorService trainingExecutor,
            PlatformTransactionManager transactionManager,
            ConfigRepository configs,
            SweepRepository sweeps,
            PackVersionRepository packs,
            SampleRepository samples,
            DetectorRegistry registry,
            DetectorEvaluator evaluator,
            DetectorRunRecorder recorder,
            StageTimer stages) {
        this.executor = trainingExecutor;
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
        this.configs = configs;
        this.sweeps = sweeps;
        this.packs = packs;
        this.samples = samples;
        this.registry = registry;
        this.evaluator = evaluator;
        this.recorder = recorder;
        this.stages = stages;
    }

    /** Destroyed before the executor and the database it uses, so a run cut short by shutdown is told apart. */
    @PreDestroy
    void shutDown() {
        shuttingDown = true;
    }

    /** Queues a config unless it is queued or training in this process already. */
    void submit(String configId) {
        if (!queued.add(configId)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    train(configId);
                } catch (RuntimeException e) {
                    // Storing the outcome failed (e.g. the database is down): the config stays STARTED and the
                    // next start of the service trains it again.
                    if (shuttingDown) {
                        // The context is closing under the run (database or model going away): expected.
                        log.info("Stopped while training config {}; it is trained again on restart", configId);
                    } else {
                        log.error(
                                "Could not record the detector run of config {}; it is retried on restart",
                                configId,
                                e);
                    }
                } finally {
                    queued.remove(configId);
                }
            });
        } catch (RejectedExecutionException e) {
            queued.remove(configId);
            log.warn("Training pool is shut down; config {} is retried on restart", configId);
        }
    }

    /** Queues again the configs a previous run of the service started but did not finish. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeStarted() {
        List<String> started = reads.execute(status -> configs.started());
        for (String configId : started == null ? List.<String>of() : started) {
            if (!queued.contains(configId)) {
                log.info(
                        "Config {} was started before the last shutdown and did not finish; training it again",
                        configId);
                submit(configId);
            }
        }
    }

    private void train(String configId) {
        Optional<Inputs> loaded = reads.execute(status -> load(configId));
        if (loaded == null || loaded.isEmpty()) {
            return;
        }
        Inputs inputs = loaded.get();
        SeededEvaluation evaluation;
        try {
            evaluation = stages.time(StageTimer.TRAINING, () -> inputs.test().run(detector(inputs), evaluator));
        } catch (IllegalArgumentException e) {
            // The inputs cannot train this detector (a class too small, a kind not offered): a result, not a fault.
            recorder.fail(configId, Objects.toString(e.getMessage(), e.toString()));
            return;
        } catch (RuntimeException e) {
            log.error("Training config {} failed", configId, e);
            recorder.fail(configId, "training failed: " + e);
            return;
        }
        recorder.complete(
                configId,
                DetectorRunSummary.of(evaluation, inputs.packContentHash()),
                DetectorRunSummary.seedRecords(evaluation));
        log.info("Config {} trained: AUROC {}", configId, evaluation.auroc().mean());
    }

    /** The detector of the sweep's kind; kinds that read the model get the config's model source. */
    private Detector detector(Inputs inputs) {
        String kind = inputs.detectorKind();
        if (registry.needsModel(kind) && inputs.modelSource() == null) {
            throw new IllegalArgumentException("detector kind '" + kind + "' reads the config's model '"
                    + inputs.modelId() + "', but the sweep named no source for it (SweepCreated.modelSources)");
        }
        return registry.detector(kind, inputs.modelSource());
    }

    /** The config's inputs, or empty when it is no longer STARTED or its sweep was cancelled. */
    private Optional<Inputs> load(String configId) {
        Optional<ConfigRow> found = configs.find(configId).filter(c -> c.status() == TrainingStatus.STARTED);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConfigRow config = found.get();
        SweepRow sweep = sweeps.find(config.sweepId()).orElseThrow();
        if (sweep.cancelled()) {
            return Optional.empty();
        }
        PackSplits splits =
                packs.find(config.conceptId(), config.packContentHash()).orElseThrow();
        List<GeneratedSample> generated = List.of();
        if (config.kind().generates()) {
            int count = samples.outcome(configId)
                    .map(GenerationOutcome::sampleCount)
                    .orElseThrow();
            generated = samples.samples(configId, count);
        }
        SweepSettings settings = sweep.settings();
        DetectorSettings detector = DetectorSettingsCheck.detector(settings);
        ExtrinsicTest test = new ExtrinsicTest(
                config.kind(),
                settings.samplesPerConfig(),
                DetectorSeeds.derive(settings.seed(), detector.seeds()),
                detector.successThreshold(),
                splits.train(),
                splits.test(),
                generated);
        ModelSource modelSource =
                config.modelId() == null ? null : sweep.modelSources().get(config.modelId());
        return Optional.of(new Inputs(
                DetectorSettingsCheck.kind(settings), config.packContentHash(), test, config.modelId(), modelSource));
    }

    private record Inputs(
            String detectorKind, String packContentHash, ExtrinsicTest test, String modelId, ModelSource modelSource) {}
}
