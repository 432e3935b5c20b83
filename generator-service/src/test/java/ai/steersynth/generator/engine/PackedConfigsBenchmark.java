package ai.steersynth.generator.engine;

import ai.steersynth.engine.ModelFiles;
import ai.steersynth.engine.chat.ChatMessage;
import ai.steersynth.engine.generate.GenerationRequest;
import ai.steersynth.engine.generate.GenerationResult;
import ai.steersynth.engine.generate.GenerationRow;
import ai.steersynth.engine.generate.Generator;
import ai.steersynth.engine.generate.SamplingParameters;
import ai.steersynth.engine.model.Devices;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.steering.Steering;
import ai.steersynth.engine.steering.SteeringPositions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Benchmark, not a test: the cost of packing K distinct steering configs into one batch, as the
 * generator does (every row carries its own vector at one layer). One batch of {@code rows} rows,
 * greedy, {@code newTokens} new tokens per row and no stop tokens (every row runs to the end), for K =
 * 1 (every row the same vector), 8 and 32 (every row its own), plus an unsteered batch for reference.
 * The rows' prompts are the same for every K; only the vectors differ. Results in docs/performance.md.
 *
 * <pre>
 * java -cp "generator-service/target/test-classes:generator-service/target/classes:$(cat cp.txt)" \
 *     ai.steersynth.generator.engine.PackedConfigsBenchmark [model.gguf] [rounds=2] [newTokens=32] [rows=32] [layer=15] [threads=1]
 * </pre>
 */
public final class PackedConfigsBenchmark {

    private static final String[] PROMPTS = {
        "Write a reply to this post: the bus was late again today.",
        "Reply to: I just got a new bike!",
        "Write a short comment about the weather.",
        "Reply to: Anyone watching the game tonight?",
        "Write a one-line review of a pizza place.",
        "Reply to: my cat knocked over my coffee.",
        "Write a tweet about Monday mornings.",
        "Reply to: what do you think of the new phone?"
    };

    private PackedConfigsBenchmark() {}

    public static void main(String[] args) {
        Path model = Path.of(args.length > 0 ? args[0] : System.getenv("STEERSYNTH_TEST_MODEL"));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int newTokens = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int layer = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        int[] configCounts = {1, 8, rows};

        try (ModelFiles files = ModelFiles.open(model);
                LlamaModel llama = LlamaModel.load(files.weights(), Devices.resolve("cpu"))) {
            List<int[]> prompts = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                String rendered =
                        files.chatTemplate().render(List.of(ChatMessage.user(PROMPTS[i % PROMPTS.length])), true);
                prompts.add(files.tokenizer().encode(rendered, false));
            }
            int hidden = llama.config().hiddenSize();
            Generator generator = new Generator(llama);
            run(generator, rows(prompts, newTokens, 0, layer, hidden)); // warm-up, not reported
            System.out.printf(
                    Locale.ROOT,
                    "rows=%d newTokens=%d layer=%d threads=%d prompt tokens %d-%d%n",
                    rows,
                    newTokens,
                    layer,
                    threads,
                    prompts.stream().mapToInt(p -> p.length).min().orElseThrow(),
                    prompts.stream().mapToInt(p -> p.length).max().orElseThrow());
            System.out.println("| round | configs K | wall s | wall ms/step | CPU ms/step | tokens |");
            System.out.println("|---|---|---|---|---|---|");
            for (int round = 1; round <= rounds; round++) {
                measure(generator, round, "unsteered", rows(prompts, newTokens, 0, layer, hidden), newTokens);
                for (int k : configCounts) {
                    measure(
                            generator,
                            round,
                            Integer.toString(k),
                            rows(prompts, newTokens, k, layer, hidden),
                            newTokens);
                }
            }
        }
    }

    private static void measure(Generator generator, int round, String label, List<GenerationRow> rows, int steps) {
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        List<GenerationResult> results = run(generator, rows);
        double wall = (System.nanoTime() - started) / 1e9;
        double cpu = (processCpuNanos() - cpuBefore) / 1e6;
        int tokens = results.stream().mapToInt(r -> r.tokenIds().length).sum();
        System.out.printf(
                Locale.ROOT,
                "| %d | %s | %.2f | %.1f | %.1f | %d |%n",
                round,
                label,
                wall,
                wall * 1000 / steps,
                cpu / steps,
                tokens);
    }

    private static List<GenerationResult> run(Generator generator, List<GenerationRow> rows) {
        return generator.generate(GenerationRequest.of(rows, Set.of()));
    }

    /** {@code prompts.size()} greedy rows; with {@code configs > 0}, row i steers with vector {@code i % configs}. */
    private static List<GenerationRow> rows(List<int[]> prompts, int newTokens, int configs, int layer, int hidden) {
        List<float[]> vectors = new ArrayList<>();
        Random random = new Random(7);
        for (int k = 0; k < configs; k++) {
            float[] direction = new float[hidden];
            double norm = 0;
            for (int h = 0; h < hidden; h++) {
                direction[h] = (float) random.nextGaussian();
                norm += direction[h] * direction[h];
            }
            for (int h = 0; h < hidden; h++) {
                direction[h] /= (float) Math.sqrt(norm);
            }
            vectors.add(direction);
        }
        List<GenerationRow> rows = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            GenerationRow row = GenerationRow.of(prompts.get(i), SamplingParameters.greedy(), 42L + i, newTokens);
            if (configs > 0) {
                // strength 4 + k/4 (absolute): distinct per config, moderate for a residual norm of ~20-40
                int k = i % configs;
                row = row.withSteering(new Steering(
                        new int[] {layer}, vectors.get(k), 4f + k / 4f, SteeringPositions.promptAndGenerated()));
            }
            rows.add(row);
        }
        return rows;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
