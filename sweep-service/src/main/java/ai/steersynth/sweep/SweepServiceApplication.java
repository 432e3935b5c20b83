package ai.steersynth.sweep;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The control plane: concept packs, models, sweeps and their progress. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SweepServiceApplication {

    /** The service's own configuration file name, {@code sweep-service.yml}. */
    public static final String CONFIG_NAME = "sweep-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** A builder that reads {@code sweep-service.yml}; all-in-one starts the service through it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SweepServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
