package ai.steersynth.metrics.messaging;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.event.SweepEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Transport only: decodes sweep and sample events and hands them to {@link MetricsEventHandler}. */
@Component
class MetricsEventListener {

    private final MetricsEventHandler handler;

    MetricsEventListener(MetricsEventHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(id = "metrics-sweeps", topics = Topics.SWEEPS)
    void onSweep(String payload) {
        handler.handle(EventCodec.decode(payload, SweepEvent.class));
    }

    @KafkaListener(id = "metrics-samples", topics = Topics.SAMPLES)
    void onSample(String payload) {
        handler.handle(EventCodec.decode(payload, SampleEvent.class));
    }
}
