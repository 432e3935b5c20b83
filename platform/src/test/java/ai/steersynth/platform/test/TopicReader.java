package ai.steersynth.platform.test;

import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.event.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its start in a fresh consumer group, for tests that assert what a service published:
 * stops once {@code expected} matching events arrived (or the patience ran out), then polls once more so
 * that an unexpected extra event is seen too.
 */
public final class TopicReader {

    private static final Duration EXTRA_POLL = Duration.ofSeconds(1);

    private TopicReader() {}

    /**
     * @param keep which decoded events count (e.g. those of the test's sweep)
     * @return every kept event, in topic-partition order, possibly more than {@code expected}
     */
    public static <T extends Event> List<T> read(
            String bootstrapServers,
            String topic,
            Class<T> type,
            Predicate<? super T> keep,
            int expected,
            Duration patience) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<T> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + patience.toNanos();
            while (events.size() < expected && System.nanoTime() < deadline) {
                collect(consumer.poll(Duration.ofMillis(200)), type, keep, events);
            }
            collect(consumer.poll(EXTRA_POLL), type, keep, events);
        }
        return events;
    }

    private static <T extends Event> void collect(
            Iterable<ConsumerRecord<String, String>> records, Class<T> type, Predicate<? super T> keep, List<T> into) {
        for (ConsumerRecord<String, String> record : records) {
            T event = EventCodec.decode(record.value(), type);
            if (keep.test(event)) {
                into.add(event);
            }
        }
    }
}
