package ai.steersynth.generator.messaging;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.ConceptPackEvent;
import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.event.GenerationTaskEvent;
import ai.steersynth.contracts.event.SweepEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Transport only: the generator's inputs, decoded and handed to {@link GeneratorEventHandler}. */
@Component
class GeneratorEventListener {

    private final GeneratorEventHandler handler;

    GeneratorEventListener(GeneratorEventHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(id = "generator-tasks", idIsGroup = false, topicPattern = "#{@generatorTopicPattern}")
    void onTask(String payload) {
        handler.handle(EventCodec.decode(payload, GenerationTaskEvent.class));
    }

    @KafkaListener(id = "generator-packs", topics = Topics.CONCEPT_PACKS)
    void onPack(String payload) {
        handler.handle(EventCodec.decode(payload, ConceptPackEvent.class));
    }

    @KafkaListener(id = "generator-sweeps", topics = Topics.SWEEPS)
    void onSweep(String payload) {
        handler.handle(EventCodec.decode(payload, SweepEvent.class));
    }
}
