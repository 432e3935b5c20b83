package ai.steersynth.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The single entry point: API-key auth, request limits, request ids, routes to the services. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** The gateway's configuration file name, {@code gateway.yml}. */
    public static final String CONFIG_NAME = "gateway";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** A builder that reads {@code gateway.yml}; all-in-one starts the gateway through it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
