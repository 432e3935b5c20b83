package ai.steersynth.trainer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The trainer: builds training sets, trains detectors and reports downstream AUROC. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrainerServiceApplication {

    /** The service's own configuration file name, {@code trainer-service.yml}. */
    public static final String CONFIG_NAME = "trainer-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** A builder that reads {@code trainer-service.yml}; all-in-one starts the service through it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(TrainerServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
