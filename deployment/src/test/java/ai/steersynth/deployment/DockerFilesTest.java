package ai.steersynth.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image recipes under docker/ and the build script, checked against the modules they build. */
class DockerFilesTest {

    private static final Pattern PORT = Pattern.compile("port:\\s*\\$\\{(\\w+):(\\d+)}");

    @Test
    void theSharedDockerfileBuildsAnyServiceFromItsExecJarInBootLayers() {
        String dockerfile = Repo.read("docker/Dockerfile");
        assertThat(dockerfile)
                .contains("COPY ${SERVICE}/target/${SERVICE}-${VERSION}-exec.jar app.jar")
                .contains("java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted")
                .contains("ARG VERSION=" + projectVersion())
                .contains("FROM ${JRE_IMAGE}")
                .contains("ARG JRE_IMAGE=eclipse-temurin:17-jre")
                .contains("USER 10001:10001")
                .contains("HEALTHCHECK");
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            assertThat(dockerfile).contains("COPY --from=layers /build/extracted/" + layer + "/ ./");
        }
        assertThat(Repo.read("docker/entrypoint.sh"))
                .contains("${JAVA_OPTS}")
                .contains("org.springframework.boot.loader.launch.JarLauncher");
    }

    @Test
    void theBuildContextLetsEveryServiceJarThroughAndTheBuildScriptBuildsEveryService() {
        String ignore = Repo.read("docker/Dockerfile.dockerignore");
        String script = Repo.read("scripts/build-images.sh");
        Matcher services = Pattern.compile("SERVICES=\\(([^)]*)\\)").matcher(script);
        assertThat(services.find()).isTrue();
        assertThat(List.of(services.group(1).trim().split("\\s+")))
                .containsExactlyInAnyOrderElementsOf(Repo.serviceModules());
        for (String module : Repo.serviceModules()) {
            assertThat(ignore).contains("!" + module + "/target/*-exec.jar");
        }
        assertThat(ignore).startsWith("#").contains("\n*\n").contains("!docker/healthcheck.sh");
        assertThat(Repo.read("docker/Dockerfile.cuda.dockerignore")).contains("!generator-service/target/*-exec.jar");
    }

    @Test
    void theHealthCheckProbesThePortEachServiceListensOn(@TempDir Path tmp) throws Exception {
        // A stand-in curl that prints its arguments, so the script runs without a server.
        Path curl = tmp.resolve("curl");
        Files.writeString(curl, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String module : Repo.serviceModules()) {
            Matcher port = PORT.matcher(Repo.read(module + "/src/main/resources/" + module + ".yml"));
            assertThat(port.find()).as(module).isTrue();
            assertThat(healthcheck(tmp, Map.of("STEERSYNTH_SERVICE", module)))
                    .as(module)
                    .contains("http://127.0.0.1:" + port.group(2) + "/actuator/health");
            assertThat(healthcheck(tmp, Map.of("STEERSYNTH_SERVICE", module, port.group(1), "9123")))
                    .as("%s with %s set", module, port.group(1))
                    .contains("http://127.0.0.1:9123/actuator/health");
        }
        assertThat(healthcheck(tmp, Map.of("STEERSYNTH_SERVICE", "judge-service", "SERVER_PORT", "9000")))
                .contains("http://127.0.0.1:9000/");
    }

    @Test
    void theCudaImageLoadsTheTorchVersionTheBuildUsesThroughAJniFlavorThatExists() {
        String cuda = Repo.read("docker/Dockerfile.cuda");
        String pytorch = pomProperty("pytorch.version");
        assertThat(cuda)
                .contains("ARG TORCH_VERSION=" + pytorch)
                .contains("PYTORCH_VERSION=" + pytorch)
                .contains("PYTORCH_LIBRARY_PATH=/opt/pytorch/site/torch/lib")
                .contains("COPY --from=libtorch /opt/pytorch/out /opt/pytorch/site")
                .contains("STEERSYNTH_ENGINE_DEVICE=gpu");
        Matcher flavor = Pattern.compile("PYTORCH_FLAVOR=(\\S+)").matcher(cuda);
        assertThat(flavor.find()).isTrue();
        // DJL picks the JNI glue at jnilib/<classifier>/<flavor>/ inside pytorch-jni.
        assertThat(getClass().getResource("/jnilib/linux-x86_64/" + flavor.group(1) + "/libdjl_torch.so"))
                .as("pytorch-jni carries flavor %s", flavor.group(1))
                .isNotNull();
    }

    private static String healthcheck(Path fakeBin, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder("sh", Repo.path("docker/healthcheck.sh").toString());
        pb.environment().clear();
        pb.environment().put("PATH", fakeBin + ":/usr/bin:/bin");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process process = pb.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    private static String projectVersion() {
        Matcher m = Pattern.compile("<artifactId>steersynth-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Repo.read("pom.xml"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String pomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Repo.read("pom.xml"));
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }
}
