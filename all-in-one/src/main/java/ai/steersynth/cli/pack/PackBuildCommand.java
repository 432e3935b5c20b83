package ai.steersynth.cli.pack;

import ai.steersynth.packs.defaults.DefaultPacks;
import ai.steersynth.packs.defaults.SourceDownloader;
import ai.steersynth.packs.format.PackJson;
import ai.steersynth.packs.importer.CaaAbImporter;
import ai.steersynth.packs.importer.DavidsonCsvImporter;
import ai.steersynth.packs.importer.GenerationPrompts;
import ai.steersynth.packs.importer.ImportException;
import ai.steersynth.packs.importer.ImportResult;
import ai.steersynth.packs.importer.LabelledImporter;
import ai.steersynth.packs.importer.PackBuildOptions;
import ai.steersynth.packs.importer.PackMetadata;
import ai.steersynth.packs.importer.RefusalSplitsImporter;
import ai.steersynth.packs.split.SplitPlan;
import ai.steersynth.packs.validation.FieldError;
import ai.steersynth.packs.validation.PackValidator;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code steersynth pack build <kind> --source <dir|file|url> --out <pack.json>}. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = {
            "Builds a concept pack from a dataset, splits it (seeded, stratified), validates it and writes it as JSON.",
            "Kinds: davidson-csv (a Davidson hate-speech CSV file or URL), refusal-splits (a directory of"
                    + " harmful_*/harmless_*.json), caa-ab (a directory of CAA *_ab.json and *open_ended.json files, or"
                    + " one A/B file), labelled (a .csv or .jsonl file or URL with text,label[,prompt]).",
            "Name, definition and instruction default to the matching default pack (davidson-csv: toxicity,"
                    + " refusal-splits: harmful-requests, caa-ab with --id sycophancy or hallucination)."
        })
final class PackBuildCommand implements Callable<Integer> {

    private static final List<String> KINDS =
            List.of(DavidsonCsvImporter.KIND, RefusalSplitsImporter.KIND, CaaAbImporter.KIND, LabelledImporter.KIND);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<kind>", description = "davidson-csv, refusal-splits, caa-ab or labelled")
    String kind;

    @Option(names = "--source", required = true, description = "Source directory, file, or http(s) URL of a file.")
    String source;

    @Option(names = "--out", required = true, description = "Where to write the pack JSON.")
    Path out;

    @Option(names = "--id", description = "Pack id (lower-case slug).")
    String id;

    @Option(names = "--name", description = "Human-readable name.")
    String name;

    @Option(names = "--definition", description = "Concept definition the judge reads.")
    String definition;

    @Option(names = "--instruction", description = "Prompting-baseline instruction.")
    String instruction;

    @Option(names = "--licence", description = "Licence notes of the source data.")
    String licence;

    @Option(names = "--prompts", description = "File with one generation prompt per line.")
    Path promptsFile;

    @Option(names = "--seed", defaultValue = "42", description = "Split seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--fractions",
            split = ",",
            defaultValue = "0.6,0.2,0.2",
            paramLabel = "TRAIN,JUDGE,TEST",
            description = "Split fractions (default ${DEFAULT-VALUE}).")
    double[] fractions;

    @Option(
            names = "--balance",
            description = "Downsample the majority label to at most this many per minority example, per split.")
    Double balance;

    @Option(names = "--max-train", defaultValue = "2147483647", description = "Cap on train examples.")
    int maxTrain;

    @Option(names = "--max-judge", defaultValue = "2147483647", description = "Cap on judge examples.")
    int maxJudge;

    @Option(names = "--max-test", defaultValue = "2147483647", description = "Cap on test examples.")
    int maxTest;

    @Option(
            names = "--max-pairs",
            defaultValue = "1000",
            description = "Cap on contrastive pairs (default ${DEFAULT-VALUE}).")
    int maxPairs;

    @Option(
            names = "--min-prompts",
            defaultValue = "100",
            description =
                    "caa-ab: top generation prompts up with train question stems to this many (default ${DEFAULT-VALUE}).")
    int minPrompts;

    @Option(
            names = "--matching-is-violating",
            arity = "1",
            defaultValue = "true",
            description = "caa-ab: whether answer_matching_behavior is the violating answer (default ${DEFAULT-VALUE};"
                    + " false for CAA refusal).")
    boolean matchingIsViolating;

    @Option(names = "--strict", description = "Fail when any row was rejected.")
    boolean strict;

    @Option(
            names = "--cache",
            description =
                    "Download cache for URL sources (default: $STEERSYNTH_CACHE/sources or ~/.cache/steersynth/sources).")
    Path cache;

    @Override
    public Integer call() throws IOException {
        if (!KINDS.contains(kind)) {
            spec.commandLine().getErr().println("Unknown kind '" + kind + "'; use one of " + String.join(", ", KINDS));
            return 2;
        }
        PackMetadata meta = metadata();
        if (meta == null) {
            return 2;
        }
        PackBuildOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("Invalid split or size option: " + e.getMessage());
            return 2;
        }
        ImportResult result;
        try {
            result = importFrom(meta, options);
        } catch (ImportException e) {
            spec.commandLine().getErr().println("Cannot import: " + e.getMessage());
            return 1;
        }
        PackSummary.print(spec.commandLine().getOut(), result);
        List<FieldError> errors = new PackValidator().validate(result.pack());
        if (!errors.isEmpty()) {
            PackSummary.printValidation(spec.commandLine().getErr(), "The built pack", errors);
            return 1;
        }
        if (strict && result.report().hasErrors()) {
            spec.commandLine().getErr().println("Rows were rejected and --strict is set; nothing written.");
            return 1;
        }
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        PackJson.write(result.pack(), out);
        spec.commandLine().getOut().printf("Wrote %s (%,d bytes)%n", out, Files.size(out));
        return 0;
    }

    private PackBuildOptions options() {
        if (fractions.length != 3) {
            throw new IllegalArgumentException("--fractions needs three values, TRAIN,JUDGE,TEST");
        }
        double ratio = balance == null ? Double.POSITIVE_INFINITY : balance;
        SplitPlan plan =
                new SplitPlan(fractions[0], fractions[1], fractions[2], seed, ratio, maxTrain, maxJudge, maxTest);
        return new PackBuildOptions(plan, PackBuildOptions.DEFAULT.maxTextLength(), maxPairs, minPrompts);
    }

    private ImportResult importFrom(PackMetadata meta, PackBuildOptions options) throws IOException {
        boolean url = source.startsWith("http://") || source.startsWith("https://");
        return switch (kind) {
            case DavidsonCsvImporter.KIND ->
                new DavidsonCsvImporter().importPack(file(url), meta, prompts(GenerationPrompts.SOCIAL_MEDIA), options);
            case LabelledImporter.KIND ->
                new LabelledImporter().importPack(file(url), meta, prompts(List.of()), options);
            case RefusalSplitsImporter.KIND ->
                new RefusalSplitsImporter()
                        .importPack(directory(url), meta, prompts(GenerationPrompts.USER_REQUESTS), options);
            case CaaAbImporter.KIND -> {
                Path path = url ? file(true) : Path.of(source);
                yield Files.isDirectory(path)
                        ? new CaaAbImporter().importDirectory(path, meta, matchingIsViolating, options)
                        : new CaaAbImporter().importPack(List.of(path), List.of(), meta, matchingIsViolating, options);
            }
            default ->
                throw new ImportException(
                        "Unknown kind '" + kind + "'; use davidson-csv, refusal-splits, caa-ab or labelled");
        };
    }

    private Path file(boolean url) {
        if (url) {
            Path cacheDir = cache == null ? SourceDownloader.defaultCacheDirectory() : cache;
            return new SourceDownloader(cacheDir).fetchUnpinned(URI.create(source));
        }
        Path path = Path.of(source);
        if (!Files.isRegularFile(path)) {
            throw new ImportException(kind + " needs a file (or URL); " + source + " is not a file");
        }
        return path;
    }

    private Path directory(boolean url) {
        Path path = Path.of(source);
        if (url || !Files.isDirectory(path)) {
            throw new ImportException(kind + " needs a local directory; " + source + " is not one");
        }
        return path;
    }

    private List<String> prompts(List<String> fallback) throws IOException {
        if (promptsFile == null) {
            return fallback;
        }
        List<String> prompts = new ArrayList<>();
        for (String line : Files.readAllLines(promptsFile, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                prompts.add(line.strip());
            }
        }
        return prompts;
    }

    /** Explicit options, falling back to the default pack this kind usually builds; null when incomplete. */
    private PackMetadata metadata() {
        String defaultId = switch (kind) {
            case DavidsonCsvImporter.KIND -> DefaultPacks.TOXICITY;
            case RefusalSplitsImporter.KIND -> DefaultPacks.HARMFUL_REQUESTS;
            case CaaAbImporter.KIND ->
                DefaultPacks.SYCOPHANCY.equals(id) || DefaultPacks.HALLUCINATION.equals(id) ? id : null;
            default -> null;
        };
        PackMetadata base =
                defaultId == null ? null : DefaultPacks.get(defaultId).metadata();
        PackMetadata meta = new PackMetadata(
                id != null ? id : base == null ? null : base.id(),
                name != null ? name : base == null ? null : base.name(),
                definition != null ? definition : base == null ? null : base.definition(),
                instruction != null ? instruction : base == null ? null : base.promptingInstruction(),
                licence != null ? licence : base == null ? null : base.licence());
        List<String> missing = new ArrayList<>();
        if (meta.id() == null) {
            missing.add("--id");
        }
        if (meta.name() == null) {
            missing.add("--name");
        }
        if (meta.definition() == null) {
            missing.add("--definition");
        }
        if (meta.promptingInstruction() == null) {
            missing.add("--instruction");
        }
        if (!missing.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("Missing " + String.join(", ", missing) + " for kind " + kind
                            + " (no default pack to take them from)");
            return null;
        }
        return meta;
    }
}
