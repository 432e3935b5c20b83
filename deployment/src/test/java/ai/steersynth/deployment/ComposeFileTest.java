package ai.steersynth.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * docker-compose.yml and its CPU override, checked without Docker: against the Compose Specification's JSON
 * schema, and for what the schema cannot say (every service is there, healthy before its dependants start,
 * bounded in memory, on the port its own configuration names).
 */
class ComposeFileTest {

    /** server.port: ${SWEEP_SERVICE_PORT:8081} in <module>.yml. */
    private static final Pattern PORT = Pattern.compile("port:\\s*\\$\\{(\\w+):(\\d+)}");

    private static Map<String, Object> compose;
    private static Map<String, Object> cpuOverride;
    private static Map<String, Object> cpuMerged;

    @BeforeAll
    static void load() {
        compose = Yaml.map(Yaml.load(Repo.read("docker-compose.yml")));
        cpuOverride = Yaml.map(Yaml.load(Repo.read("docker-compose.cpu.yml")));
        cpuMerged = Yaml.map(Yaml.merge(compose, cpuOverride));
    }

    @Test
    void bothFilesAndTheirMergeAreValidComposeFiles() {
        Schema schema = composeSchema();
        assertThat(validate(schema, Yaml.strip(compose))).isEmpty();
        assertThat(validate(schema, Yaml.strip(cpuOverride))).isEmpty();
        assertThat(validate(schema, cpuMerged)).isEmpty();
    }

    @Test
    void theSchemaCatchesMistakes() {
        // Guards the check above: a misspelt key and a bad depends_on condition must not pass.
        Schema schema = composeSchema();
        Map<String, Object> bad = Yaml.map(Yaml.load(Repo.read("docker-compose.yml")
                .replace("condition: service_healthy", "condition: healthy")
                .replace("    healthcheck:\n", "    health_check:\n")));
        List<String> errors = validate(schema, Yaml.strip(bad));
        assertThat(errors).anyMatch(e -> e.contains("health_check"));
        assertThat(errors).anyMatch(e -> e.contains("condition"));
    }

    @Test
    void everyServiceModuleIsAComposeServiceBuiltFromTheSharedDockerfile() {
        List<String> modules = Repo.serviceModules();
        assertThat(modules)
                .containsExactlyInAnyOrder(
                        "sweep-service",
                        "generator-service",
                        "judge-service",
                        "metrics-service",
                        "trainer-service",
                        "gateway");
        Map<String, Object> services = Yaml.map(compose.get("services"));
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(concat(modules, "kafka", "postgres"));
        for (String module : modules) {
            Object service = services.get(module);
            String dockerfile = "generator-service".equals(module) ? "docker/Dockerfile.cuda" : "docker/Dockerfile";
            assertThat(Yaml.at(service, "build", "dockerfile")).as(module).isEqualTo(dockerfile);
            if (dockerfile.equals("docker/Dockerfile")) {
                assertThat(Yaml.at(service, "build", "args", "SERVICE"))
                        .as(module)
                        .isEqualTo(module);
            }
            assertThat((String) Yaml.at(service, "image")).as(module).contains("/" + module + ":");
        }
        // The CPU override builds the generator from the shared Dockerfile too.
        Object generator = Yaml.at(cpuMerged, "services", "generator-service");
        assertThat(Yaml.at(generator, "build", "dockerfile")).isEqualTo("docker/Dockerfile");
        assertThat(Yaml.at(generator, "build", "args", "SERVICE")).isEqualTo("generator-service");
    }

    @Test
    void everyContainerHasAHealthCheckAndAMemoryLimit() {
        Yaml.map(compose.get("services")).forEach((name, service) -> {
            assertThat(Yaml.at(service, "healthcheck", "test")).as(name).isNotNull();
            assertThat((String) Yaml.at(service, "deploy", "resources", "limits", "memory"))
                    .as(name)
                    .matches("\\d+[mg]");
        });
        assertThat(Yaml.at(cpuMerged, "services", "generator-service", "deploy", "resources", "limits", "memory"))
                .isNotNull();
    }

    @Test
    void servicesWaitForHealthyDependencies() {
        Map<String, Object> services = Yaml.map(compose.get("services"));
        for (String module : Repo.serviceModules()) {
            Map<String, Object> dependsOn = Yaml.map(Yaml.at(services, module, "depends_on"));
            assertThat(dependsOn).as(module).isNotEmpty();
            dependsOn.forEach((dependency, condition) -> {
                assertThat(services).as("%s depends on %s", module, dependency).containsKey(dependency);
                assertThat(Yaml.at(condition, "condition"))
                        .as("%s -> %s", module, dependency)
                        .isEqualTo("service_healthy");
            });
            if (!"gateway".equals(module)) {
                assertThat(dependsOn).as(module).containsKeys("kafka", "postgres");
            }
        }
        // The gateway comes up once every service behind it is healthy.
        assertThat(Yaml.map(Yaml.at(services, "gateway", "depends_on")).keySet())
                .containsExactlyInAnyOrderElementsOf(Repo.serviceModules().stream()
                        .filter(m -> !"gateway".equals(m))
                        .toList());
    }

    @Test
    void eachServiceListensOnThePortItsConfigurationNamesAndTheGatewayRoutesThere() {
        Map<String, Object> gatewayEnv = Yaml.map(Yaml.at(compose, "services", "gateway", "environment"));
        for (String module : Repo.serviceModules()) {
            Matcher port = PORT.matcher(Repo.read(module + "/src/main/resources/" + module + ".yml"));
            assertThat(port.find()).as(module).isTrue();
            Map<String, Object> env = Yaml.map(Yaml.at(compose, "services", module, "environment"));
            assertThat(String.valueOf(env.get(port.group(1))))
                    .as("%s %s", module, port.group(1))
                    .isEqualTo(port.group(2));
            if (!"gateway".equals(module)) {
                String urlVariable = module.replace("-service", "").toUpperCase() + "_SERVICE_URL";
                assertThat(gatewayEnv.get(urlVariable))
                        .as(urlVariable)
                        .isEqualTo("http://" + module + ":" + port.group(2));
                // Every service reaches the database and the broker by their compose names.
                assertThat(env)
                        .as(module)
                        .containsEntry("STEERSYNTH_DATABASE_URL", "jdbc:postgresql://postgres:5432/steersynth")
                        .containsEntry("STEERSYNTH_KAFKA_BOOTSTRAP", "kafka:9092")
                        .containsKeys("STEERSYNTH_DATABASE_USER", "STEERSYNTH_DATABASE_PASSWORD");
            }
        }
        assertThat((String) gatewayEnv.get("STEERSYNTH_API_KEY")).startsWith("${STEERSYNTH_API_KEY:?");
        assertThat(Yaml.at(compose, "services", "judge-service", "environment"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKey("STEERSYNTH_JUDGE_API_KEY");
    }

    @Test
    void everySteerSynthVariableAServiceIsGivenIsOneItsConfigurationReads() {
        // Catches a misspelt or renamed variable that the service would silently ignore.
        for (String module : Repo.serviceModules()) {
            String configuration = Repo.serviceConfiguration(module);
            Map<String, Object> env = Yaml.map(Yaml.at(cpuMerged, "services", module, "environment"));
            env.keySet().stream()
                    .filter(name -> name.startsWith("STEERSYNTH_") || name.endsWith("_SERVICE_PORT"))
                    .forEach(name -> assertThat(configuration)
                            .as("%s reads %s", module, name)
                            .contains("${" + name + ":"));
        }
    }

    @Test
    void theGeneratorReservesAGpuUnlessTheCpuOverrideIsUsed() {
        Object generator = Yaml.at(compose, "services", "generator-service");
        assertThat(Yaml.at(generator, "deploy", "resources", "reservations", "devices", 0))
                .isEqualTo(Map.of("driver", "nvidia", "count", 1, "capabilities", List.of("gpu")));
        assertThat(Yaml.at(generator, "environment", "STEERSYNTH_ENGINE_DEVICE"))
                .isEqualTo("gpu");
        assertThat(Yaml.at(generator, "environment", "STEERSYNTH_MODEL_CACHE"))
                .isEqualTo("/var/cache/steersynth/models");
        assertThat(Yaml.list(Yaml.at(generator, "volumes"))).contains("model-cache:/var/cache/steersynth/models");
        assertThat(Yaml.map(compose.get("volumes"))).containsKey("model-cache");

        Object cpu = Yaml.at(cpuMerged, "services", "generator-service");
        assertThat(Yaml.at(cpu, "deploy", "resources", "reservations")).isNull();
        assertThat(Yaml.at(cpu, "environment", "STEERSYNTH_ENGINE_DEVICE")).isEqualTo("cpu");
        // The rest of the generator's settings survive the override.
        assertThat(Yaml.at(cpu, "environment", "STEERSYNTH_GENERATOR_MODELS"))
                .isEqualTo(Yaml.at(generator, "environment", "STEERSYNTH_GENERATOR_MODELS"));
        assertThat(Yaml.at(cpu, "volumes")).isEqualTo(Yaml.at(generator, "volumes"));
    }

    @Test
    void kafkaIsASingleKraftNodeThatAcceptsTheServicesRecordSize() {
        Map<String, Object> env = Yaml.map(Yaml.at(compose, "services", "kafka", "environment"));
        assertThat((String) Yaml.at(compose, "services", "kafka", "image")).startsWith("apache/kafka:");
        assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        // max.request.size in steersynth-platform.yml.
        Matcher maxRequest = Pattern.compile("max\\.request\\.size:\\s*(\\d+)")
                .matcher(Repo.read("platform/src/main/resources/steersynth-platform.yml"));
        assertThat(maxRequest.find()).isTrue();
        assertThat(((Number) env.get("KAFKA_MESSAGE_MAX_BYTES")).longValue())
                .isGreaterThanOrEqualTo(Long.parseLong(maxRequest.group(1)));
        assertThat((String) Yaml.at(compose, "services", "postgres", "image")).isEqualTo("postgres:15");
    }

    private static List<String> concat(List<String> list, String... more) {
        return java.util.stream.Stream.concat(list.stream(), java.util.Arrays.stream(more))
                .toList();
    }

    private static Schema composeSchema() {
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            assertThat(in).as("compose-spec.json on the test classpath").isNotNull();
            JsonNode schema = JsonMapper.builder().build().readTree(in);
            // The file declares draft 2019-09 but labels its subschemas with draft-04 "id" keywords, which
            // 2019-09 does not know and the validator refuses. They only name subschemas (every $ref is a
            // #/definitions/... pointer), so dropping them changes no rule.
            removeIds(schema);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                    .getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("id") && object.get("id").isString()) {
                object.remove("id");
            }
        }
        for (JsonNode child : node) {
            removeIds(child);
        }
    }

    private static List<String> validate(Schema schema, Object document) {
        String json = JsonMapper.builder().build().writeValueAsString(document);
        return schema.validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }
}
