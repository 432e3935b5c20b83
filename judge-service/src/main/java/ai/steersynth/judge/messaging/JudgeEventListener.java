package ai.steersynth.judge.messaging;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.ConceptPackEvent;
import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.event.SweepEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Transport only: decodes events and hands them to the handlers. Listener ids double as consumer group
 * ids; samples are judged by {@code steersynth.judge.consumers} threads at once, each a poll of samples at a time.
 */
@Component
class JudgeEventListener {

    /** The consumer group judging samples; its dead-lettered records come back on the DLT listener. */
    static final String SAMPLES_GROUP = "judge-samples";

    private final ConceptPackEventHandler packs;
    private final SweepEventHandler sweeps;
    private final SampleEventHandler samples;
    private final DeadLetterEventHandler deadLetters;
    private final JudgeValidityWorker validity;

    JudgeEventListener(
            ConceptPackEventHandler packs,
            SweepEventHandler sweeps,
            SampleEventHandler samples,
            DeadLetterEventHandler deadLetters,
            JudgeValidityWorker validity) {
        this.packs = packs;
        this.sweeps = sweeps;
        this.samples = samples;
        this.deadLetters = deadLetters;
        this.validity = validity;
    }

    @KafkaListener(id = "judge-concept-packs", topics = Topics.CONCEPT_PACKS)
    void onConceptPack(String payload) {
        packs.handle(EventCodec.decode(payload, ConceptPackEvent.class));
        validity.nudge(); // a sweep may have been waiting for this pack
    }

    @KafkaListener(id = "judge-sweeps", topics = Topics.SWEEPS)
    void onSweep(String payload) {
        sweeps.handle(EventCodec.decode(payload, SweepEvent.class));
        validity.nudge(); // assesses the new sweep's judge on its concepts, off this thread
    }

    /** Up to {@code steersynth.judge.samples-per-poll} samples at a time, judged together. */
    @KafkaListener(
            id = SAMPLES_GROUP,
            topics = Topics.SAMPLES,
            concurrency = "${steersynth.judge.consumers}",
            containerFactory = "sampleBatchListenerFactory",
            batch = "true",
            properties = "max.poll.records=${steersynth.judge.samples-per-poll}")
    void onSamples(List<String> payloads) {
        List<SampleEvent> events = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            try {
                events.add(EventCodec.decode(payloads.get(i), SampleEvent.class));
            } catch (RuntimeException e) {
                // Judge the ones before it, then let the error handler retry and dead-letter this one alone.
                samples.handleAll(events);
                throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, i);
            }
        }
        samples.handleAll(events);
    }

    /** Samples this service gave up on (other services' failures on the same DLT are not ours). */
    @KafkaListener(id = "judge-samples-dead-letters", topics = Topics.SAMPLES + "-dlt")
    void onDeadLetter(ConsumerRecord<String, String> record) {
        if (!SAMPLES_GROUP.equals(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
            return;
        }
        String reason = header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        deadLetters.handle(EventCodec.decode(record.value(), SampleEvent.class), reason);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
