package ai.steersynth.generator.messaging;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.generator.config.GeneratorProperties;
import ai.steersynth.generator.domain.GeneratedText;
import ai.steersynth.generator.domain.JobPlanner;
import ai.steersynth.generator.domain.ResolvedSteering;
import ai.steersynth.generator.domain.SampleGenerator;
import ai.steersynth.generator.domain.SampleJob;
import ai.steersynth.generator.domain.SteeringResolver;
import ai.steersynth.generator.persistence.PackRepository;
import ai.steersynth.generator.persistence.TaskRepository;
import ai.steersynth.generator.persistence.TaskRepository.TaskRow;
import ai.steersynth.platform.observability.StageTimer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The generation loop: takes pending tasks of one model, packs the samples they still miss into one
 * batch (rows of different configs side by side, each with its own steering and seed), generates,
 * and stores and publishes each sample. Because only missing indices are planned, a restart resumes
 * where the last stored sample left off.
 */
@Component
class GenerationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GenerationWorker.class);
    private static final int MAX_ATTEMPTS = 3;

    private final TaskRepository tasks;
    private final PackRepository packs;
    private final SampleGenerator generator;
    private final SteeringResolver steering;
    private final SamplePublisher publisher;
    private final GeneratorProperties properties;
    private final Clock clock;
    private final StageTimer stages;
    private final AtomicInteger queueDepth = new AtomicInteger();
    private final Counter tokens;
    private final Map<String, Integer> attempts = new HashMap<>();
    private volatile boolean running;
    private volatile boolean stopRequested;
    private Thread thread;

    GenerationWorker(
            TaskRepository tasks,
            PackRepository packs,
            SampleGenerator generator,
            SteeringResolver steering,
            SamplePublisher publisher,
            GeneratorProperties properties,
            Clock clock,
            StageTimer stages,
            MeterRegistry meters) {
        this.tasks = tasks;
        this.packs = packs;
        this.generator = generator;
        this.steering = steering;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
        this.stages = stages;
        Gauge.builder("steersynth.generator.queue.depth", queueDepth, AtomicInteger::get)
                .description("Pending generation tasks (configs) seen by the last poll")
                .register(meters);
        this.tokens = Counter.builder("steersynth.generator.tokens")
                .description("Generated tokens; its rate is tokens/s")
                .register(meters);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "generation-worker");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        stopRequested = true;
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                if (!runOnce()) {
                    Thread.sleep(properties.idlePoll().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Generation loop error; continuing", e);
            }
        }
    }

    /** Generates one batch; returns false when there was nothing to do. */
    boolean runOnce() {
        List<TaskRow> pending = tasks.pending(Set.copyOf(properties.models()), 256);
        queueDepth.set(pending.size());
        if (pending.isEmpty()) {
            return false;
        }
        var model = pending.get(0).modelSource();
        Map<String, TaskRow> batchTasks = new LinkedHashMap<>();
        List<SampleJob> jobs = new ArrayList<>();
        for (TaskRow task : pending) {
            if (!task.modelSource().equals(model) || jobs.size() >= properties.batchSize()) {
                continue;
            }
            Optional<List<SampleJob>> planned = plan(task, properties.batchSize() - jobs.size());
            if (planned.isEmpty()) {
                continue;
            }
            if (planned.get().isEmpty()) {
                publisher.completeIfDone(task.config().configId());
                continue;
            }
            batchTasks.put(task.config().configId(), task);
            jobs.addAll(planned.get());
        }
        if (jobs.isEmpty()) {
            return false;
        }
        List<GeneratedText> texts;
        try {
            texts = stages.time(StageTimer.GENERATION, () -> generator.generate(model, jobs));
        } catch (RuntimeException e) {
            if (stopping(e)) {
                // Not the batch's fault: nothing was published, and a restart generates these samples again.
                log.info("Stopped mid-batch ({} rows); the samples are generated after restart", jobs.size());
                return true;
            }
            log.warn("Batch of {} rows on {} failed: {}", jobs.size(), model.asText(), e.toString());
            for (String configId : batchTasks.keySet()) {
                if (attempts.merge(configId, 1, Integer::sum) >= MAX_ATTEMPTS) {
                    publisher.fail(configId, "generation failed " + MAX_ATTEMPTS + " times: " + e.getMessage());
                }
            }
            return true;
        }
        for (int i = 0; i < jobs.size(); i++) {
            SampleJob job = jobs.get(i);
            publisher.publish(batchTasks.get(job.configId()).config().sweepId(), job, texts.get(i));
            tokens.increment(texts.get(i).tokenCount());
        }
        batchTasks.keySet().forEach(publisher::completeIfDone);
        return true;
    }

    /** The task's missing jobs; empty Optional when the task cannot run now (waiting or just failed). */
    private Optional<List<SampleJob>> plan(TaskRow task, int limit) {
        String configId = task.config().configId();
        Optional<ConceptPack> pack = packs.find(task.config().conceptId());
        if (pack.isEmpty()) {
            Instant deadline = clock.instant().minus(properties.packWait());
            if (createdBefore(task, deadline)) {
                publisher.fail(configId, "concept pack '" + task.config().conceptId() + "' never arrived");
            }
            return Optional.empty();
        }
        try {
            ResolvedSteering resolved = task.config().kind() == ConfigKind.STEERED
                    ? stages.time(
                            StageTimer.EXTRACTION,
                            () -> steering.resolve(task.modelSource(), task.config(), pack.get()))
                    : null;
            return Optional.of(JobPlanner.missingJobs(
                    task.config(), task.settings(), pack.get(), resolved, tasks.publishedIndices(configId), limit));
        } catch (RuntimeException e) {
            if (stopping(e)) {
                log.info("Stopped while preparing config {}; it is prepared again after restart", configId);
                return Optional.empty();
            }
            log.warn("Config {} cannot be generated: {}", configId, e.toString());
            publisher.fail(configId, e.getMessage() == null ? e.toString() : e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Whether a failure is the service stopping under the work (interrupted, or the model closed by shutdown)
     * rather than the work failing: such failures must not count as attempts nor fail a config.
     */
    private boolean stopping(RuntimeException e) {
        return stopRequested
                || e instanceof CancellationException
                || Thread.currentThread().isInterrupted();
    }

    private boolean createdBefore(TaskRow task, Instant deadline) {
        return tasks.createdAt(task.config().configId()).isBefore(deadline);
    }
}
