package ai.steersynth.cli.pack;

import ai.steersynth.packs.defaults.DefaultPackDefinition;
import ai.steersynth.packs.defaults.DefaultPacks;
import ai.steersynth.packs.defaults.SourceDownloader;
import ai.steersynth.packs.format.PackJson;
import ai.steersynth.packs.importer.ImportException;
import ai.steersynth.packs.importer.ImportResult;
import ai.steersynth.packs.validation.FieldError;
import ai.steersynth.packs.validation.PackValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code steersynth pack build-defaults [--source <dir>] --out <dir>}. */
@Command(
        name = "build-defaults",
        mixinStandardHelpOptions = true,
        description = {
            "Builds the four default packs (toxicity, harmful-requests, sycophancy, hallucination) and writes"
                    + " <id>.json for each, printing counts per split and label.",
            "With --source, reads a directory laid out like the shared data folder; without it, downloads the pinned"
                    + " upstream files into the cache. Every file's sha256 is checked first."
        })
final class PackBuildDefaultsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", description = "Directory with toxicity/, harmful/, sycophancy/, hallucination/.")
    Path source;

    @Option(names = "--out", required = true, description = "Directory to write the packs to.")
    Path out;

    @Option(names = "--cache", description = "Download cache when no --source is given.")
    Path cache;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, ImportResult> built;
        try {
            built = DefaultPacks.buildAll(sourceDirectory());
        } catch (ImportException e) {
            err.println("Cannot build the default packs: " + e.getMessage());
            return 1;
        }
        Files.createDirectories(out);
        int failures = 0;
        for (ImportResult result : built.values()) {
            PackSummary.print(spec.commandLine().getOut(), result);
            List<FieldError> errors = new PackValidator().validate(result.pack());
            if (!errors.isEmpty()) {
                PackSummary.printValidation(err, result.pack().id(), errors);
                failures++;
                continue;
            }
            Path file = out.resolve(result.pack().id() + ".json");
            PackJson.write(result.pack(), file);
            spec.commandLine().getOut().printf("  wrote %s (%,d bytes)%n%n", file, Files.size(file));
        }
        spec.commandLine().getOut().flush();
        return failures == 0 ? 0 : 1;
    }

    private Path sourceDirectory() {
        if (source != null) {
            return source;
        }
        SourceDownloader downloader =
                new SourceDownloader(cache == null ? SourceDownloader.defaultCacheDirectory() : cache);
        Path directory = null;
        for (DefaultPackDefinition definition : DefaultPacks.all()) {
            directory = downloader.fetchAll(definition.sources());
        }
        return directory;
    }
}
