package ai.steersynth.generator.messaging;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.result.Sample;
import ai.steersynth.generator.domain.GeneratedText;
import ai.steersynth.generator.domain.SampleJob;
import ai.steersynth.generator.persistence.TaskRepository;
import ai.steersynth.generator.persistence.TaskRepository.TaskState;
import ai.steersynth.platform.messaging.EventPublisher;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a generated sample and queues its event in one transaction; an index that is already
 * stored is neither stored nor published again. Also closes a config when all its samples are in.
 */
@Component
class SamplePublisher {

    private final TaskRepository tasks;
    private final EventPublisher events;
    private final Clock clock;

    SamplePublisher(TaskRepository tasks, EventPublisher events, Clock clock) {
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void publish(String sweepId, SampleJob job, GeneratedText text) {
        Sample sample = new Sample(
                Sample.idOf(job.configId(), job.index()),
                job.configId(),
                job.index(),
                job.prompt(),
                text.text(),
                text.tokenCount(),
                job.seed(),
                text.finishReason());
        if (tasks.insertSample(sample)) {
            events.publish(
                    Topics.SAMPLES,
                    new SampleEvent.SampleGenerated(
                            "sample-generated:" + sample.sampleId(),
                            job.configId(),
                            clock.instant(),
                            Event.SCHEMA_VERSION,
                            sweepId,
                            sample));
        }
    }

    /** Marks the config done and announces it once every requested sample is stored. */
    @Transactional
    public boolean completeIfDone(String configId) {
        var task = tasks.lock(configId).orElseThrow();
        int stored = tasks.sampleCount(configId);
        if (task.state() != TaskState.PENDING || stored < task.settings().samplesPerConfig()) {
            return false;
        }
        tasks.setState(configId, TaskState.DONE, null);
        events.publish(
                Topics.SAMPLES,
                new SampleEvent.ConfigGenerationCompleted(
                        "generation-completed:" + configId,
                        configId,
                        clock.instant(),
                        Event.SCHEMA_VERSION,
                        task.config().sweepId(),
                        stored));
        return true;
    }

    /** Marks the config failed and announces why. */
    @Transactional
    public void fail(String configId, String reason) {
        var task = tasks.lock(configId).orElseThrow();
        if (task.state() != TaskState.PENDING) {
            return;
        }
        tasks.setState(configId, TaskState.FAILED, reason);
        events.publish(
                Topics.SAMPLES,
                new SampleEvent.ConfigGenerationFailed(
                        "generation-failed:" + configId,
                        configId,
                        clock.instant(),
                        Event.SCHEMA_VERSION,
                        task.config().sweepId(),
                        reason));
    }
}
