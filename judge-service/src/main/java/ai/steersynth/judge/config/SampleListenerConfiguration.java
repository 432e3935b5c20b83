package ai.steersynth.judge.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The samples consumer takes a poll at a time so the judge can score samples together. The platform acknowledges
 * record by record, which a batch listener cannot; this factory is Boot's (same consumer settings, same error
 * handler) with batch acknowledgement. A failing record still fails alone: the handler names it, and the error
 * handler commits the records before it, retries it and dead-letters it.
 */
@Configuration(proxyBeanMethods = false)
class SampleListenerConfiguration {

    /** The container factory of the samples listener. */
    static final String FACTORY = "sampleBatchListenerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> sampleBatchListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ObjectProvider<ConsumerFactory<Object, Object>> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory.getObject());
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }
}
