package ai.steersynth.generator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The generator: extracts and caches steering vectors and generates steered and baseline samples for its model. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GeneratorServiceApplication {

    /** The service's own configuration file name, {@code generator-service.yml}. */
    public static final String CONFIG_NAME = "generator-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** A builder that reads {@code generator-service.yml}; all-in-one starts the service through it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GeneratorServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
