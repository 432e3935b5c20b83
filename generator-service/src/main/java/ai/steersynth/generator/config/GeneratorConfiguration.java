package ai.steersynth.generator.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans derived from the generator's properties. */
@Configuration(proxyBeanMethods = false)
class GeneratorConfiguration {

    /** The task-topic pattern the listener subscribes to (referenced by name from the listener). */
    @Bean
    String generatorTopicPattern(GeneratorProperties properties) {
        return properties.topicPattern();
    }
}
