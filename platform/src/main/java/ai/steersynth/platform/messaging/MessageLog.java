package ai.steersynth.platform.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consumer side of idempotency: an event handler first records the event id here, in the same
 * transaction as its business change; a redelivered event finds its row and the handler skips it.
 */
public class MessageLog {

    private final JdbcClient jdbc;

    public MessageLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code consumer} handles {@code eventId}; returns false when it already did.
     * Must run in the handler's transaction so a rolled-back handler leaves no record.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String eventId, String consumer) {
        return jdbc.sql("INSERT INTO message_log (event_id, consumer) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(eventId, consumer)
                        .update()
                == 1;
    }
}
