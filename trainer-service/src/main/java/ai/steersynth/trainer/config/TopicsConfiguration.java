package ai.steersynth.trainer.config;

import ai.steersynth.contracts.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic this service owns (it is the only producer), and its dead-letter topic. */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics ownedTopics() {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.DETECTOR_RUNS)
                        .partitions(3)
                        .replicas(1)
                        .build(),
                TopicBuilder.name(Topics.deadLetter(Topics.DETECTOR_RUNS))
                        .partitions(3)
                        .replicas(1)
                        .build());
    }
}
