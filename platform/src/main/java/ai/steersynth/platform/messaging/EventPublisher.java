package ai.steersynth.platform.messaging;

import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.event.EventCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes events through the transactional outbox: {@link #publish} writes a row in the caller's
 * transaction and the {@link OutboxRelay} sends it after commit. A state change and its event are
 * therefore saved together or not at all; an event id already in the outbox is not written twice.
 */
public class EventPublisher {

    private final JdbcClient jdbc;

    public EventPublisher(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the event for {@code topic}, keyed by {@link Event#key()}; must run inside a transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(String topic, Event event) {
        jdbc.sql("""
                        INSERT INTO outbox (event_id, topic, event_key, payload) VALUES (?, ?, ?, ?)
                        ON CONFLICT (event_id) DO NOTHING""")
                .params(event.eventId(), topic, event.key(), EventCodec.encode(event))
                .update();
    }
}
