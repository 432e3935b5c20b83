package ai.steersynth.judge;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The judge: scores every sample for steering success and coherence. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JudgeServiceApplication {

    /** The service's own configuration file name, {@code judge-service.yml}. */
    public static final String CONFIG_NAME = "judge-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** A builder that reads {@code judge-service.yml}; all-in-one starts the service through it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(JudgeServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
