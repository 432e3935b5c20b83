package ai.steersynth.cli.engine;

import ai.steersynth.engine.generate.DecodeBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.ObjectMapper;

/** {@code steersynth bench decode}: prefill and decode throughput per batch size, unsteered and steered. */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = "Greedy generation of random prompts: prefill and decode tokens/s and peak RSS per batch size,"
                + " without and with steering.")
final class DecodeBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A .gguf file or a Hugging Face model directory.")
    Path model;

    @Option(names = "--batch", split = ",", defaultValue = "1,8,32", description = "Batch sizes (${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--prompt-tokens", defaultValue = "64", description = "Tokens per prompt (${DEFAULT-VALUE}).")
    int promptTokens;

    @Option(names = "--new-tokens", defaultValue = "64", description = "Tokens generated per row (${DEFAULT-VALUE}).")
    int newTokens;

    @Option(
            names = "--steer-layers",
            split = ",",
            description = "Layers steered in the steered runs (default: the middle layer).")
    List<Integer> steerLayers;

    @Option(names = "--threads", defaultValue = "0", description = "PyTorch intra-op threads; 0 keeps the default.")
    int threads;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, cuda, cuda:N or auto (${DEFAULT-VALUE}).")
    String device;

    @Option(
            names = "--rss-every",
            defaultValue = "0",
            description = "Also sample the resident set every N decode steps (a native-memory growth check).")
    int rssEvery;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (LoadedModel loaded = LoadedModel.open(model, device, threads)) {
            int layers = loaded.model().config().numberOfLayers();
            int[] steered = steerLayers == null || steerLayers.isEmpty()
                    ? new int[] {layers / 2}
                    : steerLayers.stream().mapToInt(Integer::intValue).toArray();
            DecodeBenchmark benchmark = new DecodeBenchmark(loaded.model());
            benchmark.run(1, 8, 4, new int[0], 0); // warm-up: first-call costs stay out of the numbers
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int batch : batches) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("batch", batch);
                row.put("unsteered", describe(benchmark.run(batch, promptTokens, newTokens, new int[0], rssEvery)));
                row.put("steered", describe(benchmark.run(batch, promptTokens, newTokens, steered, rssEvery)));
                rows.add(row);
                if (!json) {
                    printRow(out, row);
                }
            }
            if (json) {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("model", model.toString());
                report.put("device", loaded.model().device().toString());
                report.put("promptTokens", promptTokens);
                report.put("newTokens", newTokens);
                report.put("steerLayers", steered);
                report.put("results", rows);
                out.println(new ObjectMapper().writeValueAsString(report));
            }
            out.flush();
            return 0;
        }
    }

    private static Map<String, Object> describe(DecodeBenchmark.Result result) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("prefillTokensPerSecond", round(result.prefillTokensPerSecond()));
        values.put("decodeTokensPerSecond", round(result.decodeTokensPerSecond()));
        values.put("decodeMillisPerStep", round(1000.0 * result.batch() / result.decodeTokensPerSecond()));
        values.put("decodeCpuMillisPerStep", round(result.decodeCpuMillisPerStep()));
        values.put("peakRssBytes", result.peakResidentBytes());
        if (!result.residentBytesByStep().isEmpty()) {
            values.put("rssBytesByStep", result.residentBytesByStep());
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static void printRow(PrintWriter out, Map<String, Object> row) {
        for (String kind : List.of("unsteered", "steered")) {
            Map<String, Object> values = (Map<String, Object>) row.get(kind);
            out.printf(
                    "batch %3d %-9s prefill %8.1f tok/s  decode %8.1f tok/s (%6.1f ms/step)  peak RSS %5d MiB%n",
                    (Integer) row.get("batch"),
                    kind,
                    (Double) values.get("prefillTokensPerSecond"),
                    (Double) values.get("decodeTokensPerSecond"),
                    (Double) values.get("decodeMillisPerStep"),
                    ((Long) values.get("peakRssBytes")) >> 20);
            out.flush();
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
