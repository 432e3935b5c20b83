package ai.steersynth.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelmChartTest {

    /** The CPU services and their ports (the defaults in each <module>.yml). */
    private static final Map<String, Integer> SERVICES =
            Map.of("gateway", 8080, "sweep", 8081, "judge", 8083, "metrics", 8084, "trainer", 8085);

    private static List<Map<String, Object>> defaults;
    private static List<Map<String, Object>> gpu;

    @BeforeAll
    static void render() {
        defaults = Chart.render();
        gpu = Chart.render(Chart.gpuExample());
    }

    @Test
    void lintsWithDefaultValues() {
        LintResult lint = Chart.lint(Chart.dir());
        assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
    }

    @Test
    void lintsWithTheGpuExample(@TempDir Path tmp) {
        LintResult lint = Chart.lint(Chart.copyWithValues(tmp.resolve("steersynth"), Chart.gpuExample()));
        assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
    }

    @Test
    void everyServiceGetsADeploymentServiceAndPdbWithActuatorProbes() {
        SERVICES.forEach((component, port) -> {
            String name = "steersynth-" + component;
            Map<String, Object> container = Chart.container(Chart.named(defaults, "Deployment", name));
            assertThat(Yaml.at(container, "ports", 0, "containerPort")).isEqualTo(port);
            assertThat(Yaml.at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(Yaml.at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(Yaml.at(container, "resources", "limits", "memory")).isNotNull();
            assertThat(Yaml.at(container, "envFrom", 0, "configMapRef", "name")).isEqualTo("steersynth-config");
            Map<String, Object> service = Chart.named(defaults, "Service", name);
            assertThat(Yaml.at(service, "spec", "selector", "app.kubernetes.io/component"))
                    .isEqualTo(component);
            Chart.named(defaults, "PodDisruptionBudget", name);
        });
        // The image of each service is the one scripts/build-images.sh tags.
        assertThat(Chart.container(Chart.named(defaults, "Deployment", "steersynth-judge"))
                        .get("image"))
                .isEqualTo("steersynth/judge-service:0.1.0-SNAPSHOT");
    }

    @Test
    void configMapPointsTheGatewayAtEveryServiceAndTheServicesAtKafkaAndPostgres() {
        Map<String, Object> data =
                Yaml.map(Chart.named(defaults, "ConfigMap", "steersynth-config").get("data"));
        assertThat(data)
                .containsEntry("STEERSYNTH_KAFKA_BOOTSTRAP", "steersynth-kafka-bootstrap:9092")
                .containsEntry("STEERSYNTH_DATABASE_URL", "jdbc:postgresql://steersynth-db-rw:5432/steersynth")
                .containsEntry("STEERSYNTH_DATABASE_USER", "steersynth")
                .containsEntry("SWEEP_SERVICE_URL", "http://steersynth-sweep:8081")
                .containsEntry("GENERATOR_SERVICE_URL", "http://steersynth-generator:8082")
                .containsEntry("JUDGE_SERVICE_URL", "http://steersynth-judge:8083")
                .containsEntry("METRICS_SERVICE_URL", "http://steersynth-metrics:8084")
                .containsEntry("TRAINER_SERVICE_URL", "http://steersynth-trainer:8085");
        // Every URL names a Service the chart renders, on the port it exposes.
        for (String url : List.of("SWEEP", "GENERATOR", "JUDGE", "METRICS", "TRAINER")) {
            String[] hostPort = ((String) data.get(url + "_SERVICE_URL"))
                    .substring("http://".length())
                    .split(":");
            Map<String, Object> service = Chart.named(defaults, "Service", hostPort[0]);
            assertThat(Yaml.at(service, "spec", "ports", 0, "port")).isEqualTo(Integer.parseInt(hostPort[1]));
        }
    }

    @Test
    void everyVariableTheChartSetsIsReadBySomeService() {
        // The ConfigMap goes to every pod; each key must be a placeholder in some service's configuration.
        String all = String.join(
                "\n",
                Repo.serviceModules().stream().map(Repo::serviceConfiguration).toList());
        Map<String, Object> data =
                Yaml.map(Chart.named(gpu, "ConfigMap", "steersynth-config").get("data"));
        for (String key : data.keySet()) {
            assertThat(all).as("some service reads %s", key).contains("${" + key + ":");
        }
        // Per-container variables must be read by that container's own service.
        for (Map<String, Object> deployment : Chart.ofKind(gpu, "Deployment")) {
            Map<String, Object> container = Chart.container(deployment);
            String configuration = Repo.serviceConfiguration((String) container.get("name"));
            for (String name : Chart.env(container).keySet()) {
                if (!name.equals("JAVA_OPTS")) {
                    assertThat(configuration)
                            .as("%s reads %s", container.get("name"), name)
                            .contains("${" + name + ":");
                }
            }
        }
    }

    @Test
    void defaultsRenderTheApiKeySecretAndTakeTheDatabasePasswordFromCloudNativePg() {
        Map<String, Object> secret = Chart.named(defaults, "Secret", "steersynth-secrets");
        String apiKey = new String(Base64.getDecoder().decode((String) Yaml.at(secret, "data", "api-key")));
        assertThat(apiKey).hasSize(32);
        assertThat(Yaml.map(secret.get("data"))).doesNotContainKey("database-password");

        Map<String, Map<String, Object>> gatewayEnv =
                Chart.env(Chart.container(Chart.named(defaults, "Deployment", "steersynth-gateway")));
        assertThat(Yaml.at(gatewayEnv.get("STEERSYNTH_API_KEY"), "valueFrom", "secretKeyRef"))
                .isEqualTo(Map.of("name", "steersynth-secrets", "key", "api-key"));
        Map<String, Map<String, Object>> sweepEnv =
                Chart.env(Chart.container(Chart.named(defaults, "Deployment", "steersynth-sweep")));
        assertThat(Yaml.at(sweepEnv.get("STEERSYNTH_DATABASE_PASSWORD"), "valueFrom", "secretKeyRef"))
                .isEqualTo(Map.of("name", "steersynth-db-app", "key", "password"));
    }

    @Test
    void noSecretIsRenderedWhenExistingSecretsAreGiven() {
        List<Map<String, Object>> docs =
                Chart.render(Map.of("secrets.existingSecret", "my-keys", "postgresql.existingSecret", "my-db"));
        assertThat(Chart.ofKind(docs, "Secret")).isEmpty();
        Map<String, Map<String, Object>> gatewayEnv =
                Chart.env(Chart.container(Chart.named(docs, "Deployment", "steersynth-gateway")));
        assertThat(Yaml.at(gatewayEnv.get("STEERSYNTH_API_KEY"), "valueFrom", "secretKeyRef", "name"))
                .isEqualTo("my-keys");
        Map<String, Map<String, Object>> judgeEnv =
                Chart.env(Chart.container(Chart.named(docs, "Deployment", "steersynth-judge")));
        assertThat(Yaml.at(judgeEnv.get("STEERSYNTH_JUDGE_API_KEY"), "valueFrom", "secretKeyRef"))
                .isEqualTo(Map.of("name", "my-keys", "key", "judge-api-key", "optional", true));
        assertThat(Yaml.at(judgeEnv.get("STEERSYNTH_DATABASE_PASSWORD"), "valueFrom", "secretKeyRef", "name"))
                .isEqualTo("my-db");
    }

    @Test
    void aPasswordGivenInValuesGoesIntoTheChartSecret() {
        List<Map<String, Object>> docs =
                Chart.render(Map.of("postgresql.existingSecret", "", "postgresql.password", "s3cret"));
        Map<String, Object> secret = Chart.named(docs, "Secret", "steersynth-secrets");
        assertThat(new String(Base64.getDecoder().decode((String) Yaml.at(secret, "data", "database-password"))))
                .isEqualTo("s3cret");
        assertThatThrownBy(() -> Chart.render(Map.of("postgresql.existingSecret", "")))
                .hasMessageContaining("postgresql.password is required");
    }

    @Test
    void theDefaultGeneratorRunsOnTheCpuWithAFixedReplicaCount() {
        Map<String, Object> deployment =
                Chart.named(defaults, "Deployment", "steersynth-generator-smollm2-135m-instruct");
        assertThat(Yaml.at(deployment, "spec", "replicas")).isEqualTo(1);
        Map<String, Object> container = Chart.container(deployment);
        assertThat(container.get("image")).isEqualTo("steersynth/generator-service:0.1.0-SNAPSHOT");
        assertThat(Yaml.map(Yaml.at(container, "resources", "limits"))).doesNotContainKey("nvidia.com/gpu");
        assertThat(Yaml.at(Chart.env(container).get("STEERSYNTH_ENGINE_DEVICE"), "value"))
                .isEqualTo("cpu");
        assertThat(Yaml.at(deployment, "spec", "template", "spec", "volumes", 0, "emptyDir", "sizeLimit"))
                .isEqualTo("20Gi");
        assertThat(Chart.ofKind(defaults, "ScaledObject")).isEmpty();
        assertThat(Chart.ofKind(defaults, "HorizontalPodAutoscaler")).isEmpty();
        Chart.named(defaults, "Service", "steersynth-generator");
    }

    @Test
    void eachGpuModelGetsItsOwnDeploymentRequestingAGpu() {
        Map<String, Object> values = Yaml.map(Yaml.load(Repo.read("helm/steersynth/examples/gpu-values.yaml")));
        List<Object> generators = Yaml.list(values.get("generators"));
        assertThat(generators).hasSize(2);
        List<Map<String, Object>> deployments = Chart.ofKind(gpu, "Deployment").stream()
                .filter(d -> "generator".equals(Yaml.at(d, "metadata", "labels", "app.kubernetes.io/component")))
                .toList();
        assertThat(deployments).hasSize(2);

        for (Object g : generators) {
            String model = (String) Yaml.at(g, "model");
            String name = "steersynth-generator-" + model.replace('.', '-');
            Map<String, Object> deployment = Chart.named(gpu, "Deployment", name);
            assertThat(Yaml.at(deployment, "metadata", "annotations", "steersynth.ai/model"))
                    .isEqualTo(model);
            // KEDA owns the replica count.
            assertThat(Yaml.map(deployment.get("spec"))).doesNotContainKey("replicas");

            Map<String, Object> container = Chart.container(deployment);
            assertThat(container.get("image")).isEqualTo("steersynth/generator-service:0.1.0-SNAPSHOT-cuda");
            assertThat(Yaml.at(container, "resources", "limits", "nvidia.com/gpu"))
                    .isEqualTo(1);
            assertThat(Yaml.at(container, "resources", "requests", "nvidia.com/gpu"))
                    .isEqualTo(1);
            assertThat(Yaml.at(container, "resources", "limits", "memory"))
                    .isEqualTo(Yaml.at(g, "resources", "limits", "memory"));

            Map<String, Map<String, Object>> env = Chart.env(container);
            assertThat(Yaml.at(env.get("STEERSYNTH_GENERATOR_MODELS"), "value")).isEqualTo(model);
            assertThat(Yaml.at(env.get("STEERSYNTH_GENERATOR_BATCH_SIZE"), "value"))
                    .isEqualTo(String.valueOf(Yaml.at(g, "batchSize")));
            assertThat(Yaml.at(env.get("STEERSYNTH_ENGINE_DEVICE"), "value")).isEqualTo("gpu");
            assertThat(Yaml.at(deployment, "metadata", "annotations", "steersynth.ai/model-source"))
                    .isEqualTo(Yaml.at(g, "source"));
            assertThat(Yaml.at(env.get("STEERSYNTH_MODEL_CACHE"), "value"))
                    .isEqualTo(Yaml.at(container, "volumeMounts", 0, "mountPath"));
            assertThat(env).containsKey("STEERSYNTH_DATABASE_PASSWORD");

            Map<String, Object> pod = Yaml.map(Yaml.at(deployment, "spec", "template", "spec"));
            assertThat(Yaml.at(pod, "nodeSelector", "nvidia.com/gpu.present")).isEqualTo("true");
            assertThat(Yaml.at(pod, "tolerations", 0, "key")).isEqualTo("nvidia.com/gpu");
            String claim = (String) Yaml.at(pod, "volumes", 0, "persistentVolumeClaim", "claimName");
            assertThat(claim).isEqualTo(name + "-model-cache");
            Map<String, Object> pvc = Chart.named(gpu, "PersistentVolumeClaim", claim);
            assertThat(Yaml.at(pvc, "spec", "accessModes", 0)).isEqualTo("ReadWriteMany");
            assertThat(Yaml.at(pvc, "spec", "resources", "requests", "storage")).isEqualTo("30Gi");
            Chart.named(gpu, "PodDisruptionBudget", name);
        }
    }

    @Test
    void eachGpuModelScalesOnTheLagOfItsOwnTopic() {
        Map<String, Object> values = Yaml.map(Yaml.load(Repo.read("helm/steersynth/examples/gpu-values.yaml")));
        List<Object> generators = Yaml.list(values.get("generators"));
        assertThat(Chart.ofKind(gpu, "ScaledObject")).hasSize(generators.size());
        for (Object g : generators) {
            String model = (String) Yaml.at(g, "model");
            String name = "steersynth-generator-" + model.replace('.', '-');
            Map<String, Object> scaled = Chart.named(gpu, "ScaledObject", name);
            assertThat(Yaml.at(scaled, "apiVersion")).isEqualTo("keda.sh/v1alpha1");
            assertThat(Yaml.at(scaled, "spec", "scaleTargetRef", "name")).isEqualTo(name);
            Map<String, Object> trigger = Yaml.map(Yaml.at(scaled, "spec", "triggers", 0));
            assertThat(trigger.get("type")).isEqualTo("kafka");
            assertThat(Yaml.map(trigger.get("metadata")))
                    .containsEntry("topic", "steersynth.generation-tasks." + model)
                    .containsEntry("consumerGroup", "steersynth-generator-service")
                    .containsEntry("bootstrapServers", "steersynth-kafka-bootstrap:9092")
                    .containsEntry("lagThreshold", "4");
            Object max = Yaml.at(g, "maxReplicas");
            assertThat(Yaml.at(scaled, "spec", "maxReplicaCount")).isEqualTo(max != null ? max : 3);
            assertThat(Yaml.at(scaled, "spec", "minReplicaCount")).isEqualTo(0);
        }
    }

    @Test
    void judgeScalesOnCpuWhenItsAutoscalingIsEnabled() {
        Map<String, Object> hpa = Chart.named(gpu, "HorizontalPodAutoscaler", "steersynth-judge");
        assertThat(Yaml.at(hpa, "apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(Yaml.at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo("steersynth-judge");
        assertThat(Yaml.at(hpa, "spec", "maxReplicas")).isEqualTo(6);
        assertThat(Yaml.at(hpa, "spec", "metrics", 0, "resource", "name")).isEqualTo("cpu");
        assertThat(Yaml.at(hpa, "spec", "metrics", 0, "resource", "target", "averageUtilization"))
                .isEqualTo(70);
        assertThat(Yaml.map(Chart.named(gpu, "Deployment", "steersynth-judge").get("spec")))
                .doesNotContainKey("replicas");
        assertThat(Chart.ofKind(gpu, "HorizontalPodAutoscaler")).hasSize(1);
    }

    @Test
    void theJudgeEndpointIsPassedOnOnlyWhenSet() {
        Map<String, Map<String, Object>> unset =
                Chart.env(Chart.container(Chart.named(defaults, "Deployment", "steersynth-judge")));
        // An empty variable would override the service's own default endpoint.
        assertThat(unset).doesNotContainKeys("STEERSYNTH_JUDGE_BASE_URL", "STEERSYNTH_JUDGE_MODEL");
        List<Map<String, Object>> docs = Chart.render(
                Map.of("judge.baseUrl", "http://vllm.judges:8000/v1", "judge.model", "qwen2.5-7b-instruct"));
        Map<String, Map<String, Object>> set =
                Chart.env(Chart.container(Chart.named(docs, "Deployment", "steersynth-judge")));
        assertThat(Yaml.at(set.get("STEERSYNTH_JUDGE_BASE_URL"), "value")).isEqualTo("http://vllm.judges:8000/v1");
        assertThat(Yaml.at(set.get("STEERSYNTH_JUDGE_MODEL"), "value")).isEqualTo("qwen2.5-7b-instruct");
    }

    @Test
    void theGatewayIsBehindAnIngressThatCanBeTurnedOff() {
        Map<String, Object> ingress = Chart.named(defaults, "Ingress", "steersynth-gateway");
        assertThat(Yaml.at(ingress, "spec", "ingressClassName")).isEqualTo("nginx");
        assertThat(Yaml.at(ingress, "spec", "rules", 0, "host")).isEqualTo("steersynth.example.com");
        assertThat(Yaml.at(ingress, "spec", "rules", 0, "http", "paths", 0, "backend", "service", "name"))
                .isEqualTo("steersynth-gateway");

        List<Map<String, Object>> docs = Chart.render(Map.of("gateway.ingress.enabled", false));
        assertThat(Chart.ofKind(docs, "Ingress")).isEmpty();
    }

    @Test
    void theInstallNotesSayHowToReachTheGatewayAndReadTheApiKey() {
        String notes = Chart.installNotes();
        assertThat(notes)
                .contains("http://steersynth.example.com/")
                .contains("kubectl --namespace steersynth get secret steersynth-secrets"
                        + " -o jsonpath='{.data.api-key}' | base64 -d")
                .contains("smollm2-135m-instruct: deployment/steersynth-generator-smollm2-135m-instruct");
        String gpuNotes = Chart.installNotes(Chart.gpuExample());
        assertThat(gpuNotes)
                .contains("steersynth.generation-tasks.smollm2-1.7b-instruct, 1 GPU(s) per pod")
                .contains("get scaledobjects");
    }

    @Test
    void theSchemaRejectsAGeneratorWithoutAModel(@TempDir Path tmp) throws IOException {
        Path values = tmp.resolve("no-model.yaml");
        Files.writeString(values, """
                generators:
                  - source: hf:HuggingFaceTB/SmolLM2-135M-Instruct
                    replicas: 1
                    batchSize: 8
                    gpu:
                      count: 0
                    resources: {}
                """);
        assertThatThrownBy(() -> Chart.render(values))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("model");
    }

    @Test
    void theSchemaRejectsBadValues() {
        assertThatThrownBy(() -> Chart.render(Map.of("generators[0].model", "Not_A_Topic_Suffix")))
                .hasMessageContaining("generators");
        assertThatThrownBy(() -> Chart.render(Map.of("generator.modelCache.type", "nfs")))
                .hasMessageContaining("modelCache");
        assertThatThrownBy(() -> Chart.render(Map.of("generators[0].batchSize", "many")))
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> Chart.render(Map.of("kafka.bootstrapServers", "no-port")))
                .hasMessageContaining("bootstrapServers");
    }

    @Test
    void aModelListedTwiceIsRefused(@TempDir Path tmp) throws IOException {
        Path values = tmp.resolve("twice.yaml");
        String entry = """
                  - model: smollm2-135m-instruct
                    source: hf:HuggingFaceTB/SmolLM2-135M-Instruct
                    replicas: 1
                    batchSize: 8
                    gpu:
                      count: 0
                    resources: {}
                """;
        Files.writeString(values, "generators:\n" + entry + entry);
        assertThatThrownBy(() -> Chart.render(values)).hasMessageContaining("listed twice");
    }
}
