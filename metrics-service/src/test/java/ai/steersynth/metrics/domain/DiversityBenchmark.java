package ai.steersynth.metrics.domain;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Times the diversity metrics on 1,000 synthetic responses of about 60 tokens, with MiniLM embedding timed apart. Not a
 * test: run it by hand (docs/performance.md, "Diversity metrics", has the command and the numbers).
 *
 * <p>The texts are Zipf-distributed pseudo-words with punctuation, and every tenth response falls into a loop, so the
 * n-gram maps hold both rare and heavily repeated n-grams, as steered output does.
 */
public final class DiversityBenchmark {

    private static final int SAMPLES = 1_000;
    private static final int TOKENS = 60;
    private static final int WARM_RUNS = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DiversityBenchmark() {}

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : SAMPLES;
        List<String> texts = syntheticTexts(samples, new Random(42));
        List<List<String>> tokens = texts.stream().map(WordTokenizer::tokenize).toList();
        double meanTokens = tokens.stream().mapToInt(List::size).average().orElse(0);
        System.out.printf(
                "samples=%d meanTokens=%.1f cores=%d java=%s%n",
                samples, meanTokens, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        long start = System.nanoTime();
        MiniLmTextEmbedder embedder = new MiniLmTextEmbedder();
        double modelLoad = seconds(start);
        start = System.nanoTime();
        float[][] embeddings = embedder.embed(texts);
        System.out.printf(
                "embedding (MiniLM-L6-v2 q, in-process): model load %.2f s, embed %.2f s%n", modelLoad, seconds(start));

        time("set-level total (SetDiversityCalculator)", () -> SetDiversityCalculator.measure(texts, embeddings));
        time("  Self-BLEU (leave-one-out, top-2 counts)", () -> SelfBleu.selfBleu(tokens));
        time("  Vendi score (384x384 eigenvalues)", () -> EmbeddingDiversity.vendiScore(embeddings));
        time("  mean cosine distance", () -> EmbeddingDiversity.meanCosineDistance(embeddings));
        time("  tokenisation", () -> texts.stream().map(WordTokenizer::tokenize).toList());
        byte[] joined = String.join(
                        "\n", tokens.stream().map(t -> String.join(" ", t)).toList())
                .getBytes(StandardCharsets.UTF_8);
        time("  compression of the joined set", () -> CompressionScore.ofBytes(joined));
        SampleDiversityCalculator sampleCalculator = new SampleDiversityCalculator(50);
        time(
                "sample-level, all samples",
                () -> tokens.stream().map(sampleCalculator::measureTokens).toList());
        DiversityScores scores = new DiversityCalculator(embedder).measure(texts, embeddings);
        System.out.println("result: " + scores.components());
    }

    /**
     * Prints the first (cold) run and the median of {@link #WARM_RUNS} further runs, as wall time and as this thread's
     * CPU time: the metrics are single-threaded, so CPU time is what they cost on an otherwise idle machine.
     */
    private static void time(String label, Supplier<?> work) {
        double[] cold = measure(work);
        double[] warmWall = new double[WARM_RUNS];
        double[] warmCpu = new double[WARM_RUNS];
        for (int run = 0; run < WARM_RUNS; run++) {
            double[] warm = measure(work);
            warmWall[run] = warm[0];
            warmCpu[run] = warm[1];
        }
        Arrays.sort(warmWall);
        Arrays.sort(warmCpu);
        System.out.printf(
                "%-45s cold %.3f s (cpu %.3f s), warm median %.3f s (cpu %.3f s)%n",
                label, cold[0], cold[1], warmWall[WARM_RUNS / 2], warmCpu[WARM_RUNS / 2]);
    }

    private static double[] measure(Supplier<?> work) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        work.get();
        return new double[] {seconds(start), (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9};
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static List<String> syntheticTexts(int count, Random random) {
        String[] vocabulary = vocabulary(5_000, random);
        List<String> texts = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            StringBuilder text = new StringBuilder();
            boolean loops = s % 10 == 0;
            String loopPhrase = vocabulary[zipf(random, vocabulary.length)] + " " + vocabulary[zipf(random, 200)];
            for (int t = 0; t < TOKENS - 6; t++) {
                text.append(loops && t > 10 ? loopPhrase : vocabulary[zipf(random, vocabulary.length)]);
                text.append(random.nextInt(9) == 0 ? ", " : " ");
            }
            texts.add(text.append("end.").toString());
        }
        return texts;
    }

    /**
     * A rank in [0, size) with probability roughly proportional to 1 / (rank + 1), as word frequencies are: the
     * continuous Zipf CDF P(rank < r) = ln(r + 1) / ln(size + 1), inverted.
     */
    private static int zipf(Random random, int size) {
        return Math.min(size - 1, (int) Math.exp(random.nextDouble() * Math.log(size + 1.0)) - 1);
    }

    private static String[] vocabulary(int size, Random random) {
        String[] syllables = {"ka", "lo", "mi", "ner", "to", "sa", "vin", "de", "ru", "pha", "gel", "o", "tri", "ban"};
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            StringBuilder word = new StringBuilder();
            int length = 1 + random.nextInt(3);
            for (int k = 0; k < length; k++) {
                word.append(syllables[random.nextInt(syllables.length)]);
            }
            words[i] = word.toString();
        }
        return words;
    }
}
