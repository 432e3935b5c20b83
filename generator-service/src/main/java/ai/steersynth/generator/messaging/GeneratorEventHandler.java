package ai.steersynth.generator.messaging;

import ai.steersynth.contracts.event.ConceptPackEvent;
import ai.steersynth.contracts.event.GenerationTaskEvent;
import ai.steersynth.contracts.event.SweepEvent;
import ai.steersynth.generator.persistence.PackRepository;
import ai.steersynth.generator.persistence.TaskRepository;
import ai.steersynth.generator.persistence.TaskRepository.TaskState;
import ai.steersynth.platform.messaging.MessageLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records tasks, packs and cancellations; each event once (message log in the same transaction). */
@Component
class GeneratorEventHandler {

    static final String CONSUMER = "generator";

    private final MessageLog messageLog;
    private final TaskRepository tasks;
    private final PackRepository packs;
    private final JdbcClient jdbc;

    GeneratorEventHandler(MessageLog messageLog, TaskRepository tasks, PackRepository packs, JdbcClient jdbc) {
        this.messageLog = messageLog;
        this.tasks = tasks;
        this.packs = packs;
        this.jdbc = jdbc;
    }

    @Transactional
    public void handle(GenerationTaskEvent event) {
        if (!messageLog.firstDelivery(event.eventId(), CONSUMER)) {
            return;
        }
        var task = (GenerationTaskEvent.GenerationTaskRequested) event;
        if (tasks.insert(task.config(), task.settings(), task.modelSource(), task.packContentHash())
                && sweepCancelled(task.config().sweepId())) {
            tasks.setState(task.configId(), TaskState.CANCELLED, null);
        }
    }

    @Transactional
    public void handle(ConceptPackEvent event) {
        if (!messageLog.firstDelivery(event.eventId(), CONSUMER)) {
            return;
        }
        if (event instanceof ConceptPackEvent.ConceptPackPublished published) {
            packs.upsert(published.pack());
        } else if (event instanceof ConceptPackEvent.ConceptPackDeleted deleted) {
            packs.delete(deleted.packId());
        }
    }

    @Transactional
    public void handle(SweepEvent event) {
        if (!messageLog.firstDelivery(event.eventId(), CONSUMER)) {
            return;
        }
        if (event instanceof SweepEvent.SweepCancelled cancelled) {
            jdbc.sql("""
                            INSERT INTO sweep (id, settings, cancelled) VALUES (?, '{}'::jsonb, true)
                            ON CONFLICT (id) DO UPDATE SET cancelled = true""").param(cancelled.sweepId()).update();
            tasks.cancelSweep(cancelled.sweepId());
        }
    }

    private boolean sweepCancelled(String sweepId) {
        return jdbc.sql("SELECT count(*) FROM sweep WHERE id = ? AND cancelled")
                        .param(sweepId)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
