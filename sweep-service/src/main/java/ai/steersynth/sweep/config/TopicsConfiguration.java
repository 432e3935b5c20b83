package ai.steersynth.sweep.config;

import ai.steersynth.contracts.Topics;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics the sweep service owns: sweep lifecycle and concept packs (compacted, large messages). */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics sweepServiceTopics() {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.SWEEPS).partitions(3).replicas(1).build(),
                TopicBuilder.name(Topics.CONCEPT_PACKS)
                        .partitions(1)
                        .replicas(1)
                        .compact()
                        .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(32 * 1024 * 1024))
                        .build());
    }
}
