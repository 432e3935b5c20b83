package ai.steersynth.sweep.persistence;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.event.GenerationTaskEvent.GenerationTaskRequested;
import ai.steersynth.contracts.event.SweepEvent.SweepCancelled;
import ai.steersynth.contracts.event.SweepEvent.SweepCreated;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.contracts.sweep.SweepSettings;
import ai.steersynth.platform.messaging.EventPublisher;
import ai.steersynth.platform.web.ConflictException;
import ai.steersynth.platform.web.NotFoundException;
import ai.steersynth.sweep.domain.SweepState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sweep service's write side: a sweep, its configs and the events announcing them are stored
 * in one transaction (the outbox relay sends the events after commit), so a crash in between loses
 * nothing and sends nothing.
 */
@Component
public class SweepStore {

    private final SweepRepository sweeps;
    private final EventPublisher events;
    private final Clock clock;

    public SweepStore(SweepRepository sweeps, EventPublisher events, Clock clock) {
        this.sweeps = sweeps;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Persists a new sweep and queues {@code SweepCreated} plus one generation task per generating
     * config, on its model's topic.
     *
     * @param modelSources source of every model the configs name
     * @param packHashes content hash of every concept pack the configs name
     */
    @Transactional
    public void create(
            String sweepId,
            String name,
            Object spec,
            String specHash,
            SweepSettings settings,
            List<ConfigSpec> configs,
            Map<String, ModelSource> modelSources,
            Map<String, String> packHashes) {
        Instant now = clock.instant();
        sweeps.insertSweep(sweepId, name, spec, specHash, settings, now);
        for (int ordinal = 0; ordinal < configs.size(); ordinal++) {
            ConfigSpec config = configs.get(ordinal);
            ModelSource source = modelSources.get(config.modelId());
            sweeps.insertConfig(
                    config,
                    ordinal,
                    settings.samplesPerConfig(),
                    source == null ? null : source.asText(),
                    packHashes.get(config.conceptId()));
        }
        events.publish(
                Topics.SWEEPS,
                new SweepCreated(
                        "sweep-created:" + sweepId,
                        sweepId,
                        now,
                        Event.SCHEMA_VERSION,
                        name,
                        settings,
                        configs,
                        modelSources,
                        packHashes));
        for (ConfigSpec config : configs) {
            if (config.kind().generates()) {
                events.publish(
                        Topics.generationTasks(config.modelId()),
                        new GenerationTaskRequested(
                                "generation-task:" + config.configId(),
                                config.configId(),
                                now,
                                Event.SCHEMA_VERSION,
                                config,
                                settings,
                                modelSources.get(config.modelId()),
                                packHashes.get(config.conceptId())));
            }
        }
    }

    /** Cancels a sweep that has not finished; announces it so stages skip its remaining work. */
    @Transactional
    public void cancel(String sweepId, String reason) {
        SweepRow sweep = sweeps.lockSweep(sweepId).orElseThrow(() -> new NotFoundException("sweep", sweepId));
        if (sweep.state().terminal()) {
            throw new ConflictException("sweep '" + sweepId + "' is already " + sweep.state());
        }
        sweeps.updateState(sweepId, SweepState.CANCELLED, reason);
        events.publish(
                Topics.SWEEPS,
                new SweepCancelled(
                        "sweep-cancelled:" + sweepId, sweepId, clock.instant(), Event.SCHEMA_VERSION, reason));
    }
}
