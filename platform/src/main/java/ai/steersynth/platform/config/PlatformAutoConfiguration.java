package ai.steersynth.platform.config;

import ai.steersynth.platform.messaging.EventPublisher;
import ai.steersynth.platform.messaging.MessageLog;
import ai.steersynth.platform.messaging.OutboxRelay;
import ai.steersynth.platform.observability.StageTimer;
import ai.steersynth.platform.web.ApiExceptionHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What every SteerSynth service gets by depending on {@code platform}: the outbox publisher and
 * relay, the message log, one Kafka error handler (bounded exponential backoff, then the
 * {@code <topic>-dlt} dead-letter topic), JSON problem responses for the web layer, and the stage timer.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
        })
@EnableScheduling
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventPublisher eventPublisher(JdbcClient jdbc) {
        return new EventPublisher(jdbc);
    }

    @Bean
    MessageLog messageLog(JdbcClient jdbc) {
        return new MessageLog(jdbc);
    }

    @Bean
    @ConditionalOnBean(KafkaTemplate.class)
    @ConditionalOnProperty(name = "steersynth.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions) {
        return new OutboxRelay(jdbc, kafka, transactions);
    }

    @Bean
    @ConditionalOnBean(KafkaOperations.class)
    CommonErrorHandler kafkaErrorHandler(KafkaOperations<String, String> kafka) {
        // A failing record is retried a few times with growing pauses, then parked on <topic>-dlt
        // (same partition) so one poison message cannot stall its partition.
        var backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(4);
        return new DefaultErrorHandler(new DeadLetterPublishingRecoverer(kafka), backOff);
    }

    /** Stage timings in the service's meter registry (a private one where the service has none). */
    @Bean
    @ConditionalOnMissingBean
    StageTimer stageTimer(ObjectProvider<MeterRegistry> registry) {
        return new StageTimer(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }
}
