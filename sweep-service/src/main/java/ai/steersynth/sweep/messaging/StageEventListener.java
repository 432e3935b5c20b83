package ai.steersynth.sweep.messaging;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.DetectorRunEvent;
import ai.steersynth.contracts.event.DiversityEvent;
import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.event.JudgementEvent;
import ai.steersynth.contracts.event.SampleEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Transport only: decodes the stages' events and hands them to {@link ProgressEventHandler}. */
@Component
class StageEventListener {

    private final ProgressEventHandler handler;

    StageEventListener(ProgressEventHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(id = "sweep-progress-samples", topics = Topics.SAMPLES)
    void onSample(String payload) {
        handler.handle(EventCodec.decode(payload, SampleEvent.class));
    }

    @KafkaListener(id = "sweep-progress-judgements", topics = Topics.JUDGEMENTS)
    void onJudgement(String payload) {
        handler.handle(EventCodec.decode(payload, JudgementEvent.class));
    }

    @KafkaListener(id = "sweep-progress-diversity", topics = Topics.DIVERSITY_REPORTS)
    void onDiversity(String payload) {
        handler.handle(EventCodec.decode(payload, DiversityEvent.class));
    }

    @KafkaListener(id = "sweep-progress-detector-runs", topics = Topics.DETECTOR_RUNS)
    void onDetectorRun(String payload) {
        handler.handle(EventCodec.decode(payload, DetectorRunEvent.class));
    }
}
