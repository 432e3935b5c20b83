package ai.steersynth.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paths in the repository, found from the test's working directory (the module or the root). */
final class Repo {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private Repo() {}

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("helm/steersynth/Chart.yaml"))
                    && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "repository root not found above " + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The root pom's modules, in order. */
    static List<String> modules() {
        Matcher m = MODULE.matcher(read("pom.xml"));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        return modules;
    }

    /**
     * The configuration a service module reads: its own {@code <module>.yml} and, for all but the gateway,
     * the shared {@code steersynth-platform.yml} it imports.
     */
    static String serviceConfiguration(String module) {
        String own = read(module + "/src/main/resources/" + module + ".yml");
        return own.contains("steersynth-platform.yml")
                ? own + "\n" + read("platform/src/main/resources/steersynth-platform.yml")
                : own;
    }

    /**
     * The modules that run as services: each reads its own {@code <module>.yml} (spring.config.name), which
     * is how the services tell their configuration apart; libraries and all-in-one have none.
     */
    static List<String> serviceModules() {
        return modules().stream()
                .filter(m -> Files.isRegularFile(path(m + "/src/main/resources/" + m + ".yml")))
                .toList();
    }
}
