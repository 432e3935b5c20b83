package ai.steersynth.trainer.messaging;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.ConceptPackEvent;
import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.event.JudgementEvent;
import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.event.SweepEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Transport only: decodes the events the trainer needs and hands them to {@link TrainerEventHandler}. */
@Component
class TrainerEventListener {

    private final TrainerEventHandler handler;

    TrainerEventListener(TrainerEventHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(id = "trainer-concept-packs", topics = Topics.CONCEPT_PACKS)
    void onConceptPack(String payload) {
        handler.handle(known(EventCodec.decode(payload, ConceptPackEvent.class)));
    }

    @KafkaListener(id = "trainer-sweeps", topics = Topics.SWEEPS)
    void onSweep(String payload) {
        handler.handle(known(EventCodec.decode(payload, SweepEvent.class)));
    }

    @KafkaListener(id = "trainer-samples", topics = Topics.SAMPLES)
    void onSample(String payload) {
        handler.handle(known(EventCodec.decode(payload, SampleEvent.class)));
    }

    @KafkaListener(id = "trainer-judgements", topics = Topics.JUDGEMENTS)
    void onJudgement(String payload) {
        handler.handle(known(EventCodec.decode(payload, JudgementEvent.class)));
    }

    /** Rejects schema versions this build does not know (the error handler parks them on the dead-letter topic). */
    private static <E extends Event> E known(E event) {
        if (event.schemaVersion() != Event.SCHEMA_VERSION) {
            throw new IllegalArgumentException("event " + event.eventId() + " has schema version "
                    + event.schemaVersion() + "; this trainer reads version " + Event.SCHEMA_VERSION);
        }
        return event;
    }
}
