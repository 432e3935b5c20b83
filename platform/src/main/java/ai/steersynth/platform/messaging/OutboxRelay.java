package ai.steersynth.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox rows to Kafka in id order, then stamps them sent. Rows are locked with
 * {@code SKIP LOCKED} so several instances can relay side by side. A crash after the send and
 * before the stamp resends the row under the same event id, which consumers' message logs drop.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;

    public OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transactions = transactions;
    }

    /** Relays until the outbox is drained or a send fails (then the next tick retries). */
    @Scheduled(fixedDelayString = "${steersynth.outbox.poll-interval:200ms}")
    public void relay() {
        try {
            while (relayBatch() == BATCH) {
                // keep draining
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay paused, will retry: {}", e.getMessage());
        }
    }

    /** Sends one batch; returns how many rows it sent. */
    public int relayBatch() {
        Integer sent = transactions.execute(status -> {
            List<OutboxRow> rows = jdbc.sql("""
                            SELECT id, topic, event_key, payload FROM outbox
                            WHERE sent_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .param(BATCH)
                    .query((rs, n) -> new OutboxRow(
                            rs.getLong("id"),
                            rs.getString("topic"),
                            rs.getString("event_key"),
                            rs.getString("payload")))
                    .list();
            for (OutboxRow row : rows) {
                send(row);
            }
            if (!rows.isEmpty()) {
                jdbc.sql("UPDATE outbox SET sent_at = now() WHERE id IN (:ids)")
                        .param("ids", rows.stream().map(OutboxRow::id).toList())
                        .update();
            }
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    private void send(OutboxRow row) {
        try {
            kafka.send(row.topic(), row.key(), row.payload()).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending outbox row " + row.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send outbox row " + row.id() + " to " + row.topic(), e);
        }
    }

    private record OutboxRow(long id, String topic, String key, String payload) {}
}
