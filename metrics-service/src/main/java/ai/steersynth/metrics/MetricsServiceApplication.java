package ai.steersynth.metrics;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The metrics service: sample- and set-level diversity of each config's samples. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MetricsServiceApplication {

    /** The service's own configuration file name, {@code metrics-service.yml}. */
    public static final String CONFIG_NAME = "metrics-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** A builder that reads {@code metrics-service.yml}; all-in-one starts the service through it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(MetricsServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
