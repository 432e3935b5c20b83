package ai.steersynth.trainer.messaging;

import ai.steersynth.trainer.domain.StartRule;
import ai.steersynth.trainer.persistence.ConfigRepository;
import ai.steersynth.trainer.persistence.ConfigRow;
import ai.steersynth.trainer.persistence.GenerationOutcome;
import ai.steersynth.trainer.persistence.SampleRepository;
import ai.steersynth.trainer.persistence.SweepRepository;
import ai.steersynth.trainer.persistence.SweepRow;
import ai.steersynth.trainer.persistence.TrainingStatus;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Applies {@link StartRule} to a config after every event that may complete its inputs. The config is locked before
 * its facts are read, and marked STARTED in the same transaction as the event that completed them, so however
 * events interleave on the listener threads it starts exactly once; the training itself is handed to the
 * {@link TrainingWorker} after the transaction commits.
 */
@Component
class TrainingStarter {

    private static final Logger log = LoggerFactory.getLogger(TrainingStarter.class);

    private final ConfigRepository configs;
    private final SweepRepository sweeps;
    private final SampleRepository samples;
    private final DetectorRunRecorder recorder;
    private final TrainingWorker worker;

    TrainingStarter(
            ConfigRepository configs,
            SweepRepository sweeps,
            SampleRepository samples,
            DetectorRunRecorder recorder,
            TrainingWorker worker) {
        this.configs = configs;
        this.sweeps = sweeps;
        this.samples = samples;
        this.recorder = recorder;
        this.worker = worker;
    }

    /** Starts, fails or leaves waiting a config (nothing when the config or its sweep is not known yet). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void consider(String configId) {
        configs.lock(configId);
        Optional<ConfigRow> found = configs.find(configId).filter(c -> c.status() == TrainingStatus.WAITING);
        if (found.isEmpty()) {
            return;
        }
        ConfigRow config = found.get();
        SweepRow sweep = sweeps.find(config.sweepId()).orElseThrow();
        StartRule.Decision decision = StartRule.decide(facts(config, sweep));
        switch (decision.action()) {
            case START -> start(configId);
            case FAIL -> recorder.fail(configId, decision.reason());
            case SKIP, WAIT -> log.debug("Config {} not started: {}", configId, decision.reason());
        }
    }

    private StartRule.Facts facts(ConfigRow config, SweepRow sweep) {
        Optional<GenerationOutcome> outcome =
                config.kind().generates() ? samples.outcome(config.configId()) : Optional.empty();
        Integer expected = outcome.map(GenerationOutcome::sampleCount).orElse(null);
        boolean filters = DetectorSettingsCheck.detector(sweep.settings()).successThreshold() != null;
        int stored = expected == null ? 0 : samples.countSamples(config.configId(), expected);
        int judged = expected == null || !filters ? 0 : samples.countJudged(config.configId(), expected);
        return new StartRule.Facts(
                config.kind(),
                sweep.cancelled(),
                config.packContentHash() != null,
                expected,
                outcome.map(GenerationOutcome::failureReason).orElse(null),
                stored,
                judged,
                filters);
    }

    private void start(String configId) {
        if (!configs.markStarted(configId)) {
            return;
        }
        log.info("Config {} has everything it needs; training starts after commit", configId);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.submit(configId);
            }
        });
    }
}
