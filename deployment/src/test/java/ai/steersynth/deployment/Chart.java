package ai.steersynth.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;

/** The chart under helm/steersynth, linted and rendered with helm-java (Helm's Go library, no CLI, no cluster). */
final class Chart {

    static final String RELEASE = "steersynth";
    static final String NAMESPACE = "steersynth";

    private Chart() {}

    static Path dir() {
        return Repo.path("helm/steersynth");
    }

    static Path gpuExample() {
        return Repo.path("helm/steersynth/examples/gpu-values.yaml");
    }

    static LintResult lint(Path chartDir) {
        return new Helm(chartDir).lint().strict().call();
    }

    /** Renders the chart; values files in order, then --set pairs. Throws what Helm reports on failure. */
    static List<Map<String, Object>> render(Map<String, Object> sets, Path... valuesFiles) {
        TemplateCommand template = new Helm(dir()).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path values : valuesFiles) {
            template = template.withValuesFile(values);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return Yaml.loadAll(template.call());
    }

    /** What `helm install` prints (NOTES.txt included), from a client-side dry run: no cluster needed. */
    static String installNotes(Path... valuesFiles) {
        InstallCommand install = new Helm(dir())
                .install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .clientOnly()
                .withDryRunOption(DryRun.CLIENT);
        for (Path values : valuesFiles) {
            install = install.withValuesFile(values);
        }
        return install.call().getOutput();
    }

    static List<Map<String, Object>> render(Path... valuesFiles) {
        return render(Map.of(), valuesFiles);
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static Map<String, Object> named(List<Map<String, Object>> docs, String kind, String name) {
        List<Map<String, Object>> found = ofKind(docs, kind).stream()
                .filter(d -> name.equals(Yaml.at(d, "metadata", "name")))
                .toList();
        assertThat(found).as("%s %s", kind, name).hasSize(1);
        return found.get(0);
    }

    /** The first container of a Deployment. */
    static Map<String, Object> container(Map<String, Object> deployment) {
        return Yaml.map(Yaml.at(deployment, "spec", "template", "spec", "containers", 0));
    }

    /** A container's env as name -> entry (value or valueFrom). */
    static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Map<String, Map<String, Object>> env = new LinkedHashMap<>();
        for (Object e : Yaml.list(container.get("env"))) {
            Map<String, Object> entry = Yaml.map(e);
            env.put((String) entry.get("name"), entry);
        }
        return env;
    }

    /**
     * A copy of the chart whose values.yaml is the defaults overlaid with a values file, the way Helm
     * merges them (maps deep, everything else replaced): `helm lint` in helm-java takes no values file.
     */
    static Path copyWithValues(Path target, Path valuesFile) {
        try (Stream<Path> files = Files.walk(dir())) {
            for (Path source : files.toList()) {
                Path dest = target.resolve(dir().relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
            Object defaults = Yaml.load(Files.readString(dir().resolve("values.yaml")));
            Object overlay = Yaml.load(Files.readString(valuesFile));
            DumperOptions dump = new DumperOptions();
            dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            Files.writeString(
                    target.resolve("values.yaml"),
                    new org.yaml.snakeyaml.Yaml(dump).dump(helmMerge(defaults, overlay)));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object helmMerge(Object base, Object overlay) {
        if (base instanceof Map<?, ?> b && overlay instanceof Map<?, ?> o) {
            Map<String, Object> merged = new LinkedHashMap<>(Yaml.map(b));
            o.forEach((k, v) -> merged.put((String) k, helmMerge(merged.get(k), v)));
            return merged;
        }
        return overlay;
    }
}
