package ai.steersynth.engine.generate;

import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.steering.Steering;
import ai.steersynth.engine.steering.SteeringPositions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Measures prefill and decode throughput of the generator for one batch shape: random prompts of a
 * fixed length, greedy decoding of a fixed number of tokens with no stop tokens, optionally steered
 * on some layers. A measurement, not a test: the numbers depend on the machine and its load.
 */
public final class DecodeBenchmark {

    /**
     * One measured run.
     *
     * @param batch rows
     * @param promptTokens tokens per prompt
     * @param newTokens tokens generated per row
     * @param steeredLayers layers steered in every row (empty: unsteered)
     * @param prefillTokensPerSecond prompt tokens (all rows) per second of prefill, first sample included
     * @param decodeTokensPerSecond generated tokens (all rows) per second after the first
     * @param peakResidentBytes the process's peak resident set during the run (VmHWM, reset before it
     *     where the kernel allows), or -1 where /proc is missing
     * @param residentBytesByStep resident set (VmRSS) sampled every {@code sampleEvery} decode steps
     * @param decodeCpuMillisPerStep process CPU time per decode step: on a shared machine this tracks
     *     the work done more steadily than wall time does
     */
    public record Result(
            int batch,
            int promptTokens,
            int newTokens,
            int[] steeredLayers,
            double prefillTokensPerSecond,
            double decodeTokensPerSecond,
            long peakResidentBytes,
            List<Long> residentBytesByStep,
            double decodeCpuMillisPerStep) {}

    private final LlamaModel model;
    private final Generator generator;

    public DecodeBenchmark(LlamaModel model) {
        this.model = model;
        this.generator = new Generator(model);
    }

    /**
     * Runs one batch.
     *
     * @param steeredLayers layers to add a random unit vector at (strength 4, every position) in every row
     * @param sampleEvery sample the resident set every this many decode steps (0: never)
     */
    public Result run(int batch, int promptTokens, int newTokens, int[] steeredLayers, int sampleEvery) {
        Random random = new Random(batch * 31L + promptTokens);
        int vocabulary = model.config().vocabularySize();
        float[] direction = new float[model.config().hiddenSize()];
        double norm = 0;
        for (int i = 0; i < direction.length; i++) {
            direction[i] = (float) random.nextGaussian();
            norm += direction[i] * direction[i];
        }
        for (int i = 0; i < direction.length; i++) {
            direction[i] /= (float) Math.sqrt(norm);
        }
        List<GenerationRow> rows = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            GenerationRow row = GenerationRow.of(
                    random.ints(promptTokens, 0, vocabulary).toArray(), SamplingParameters.greedy(), b, newTokens);
            if (steeredLayers.length > 0) {
                row = row.withSteering(
                        new Steering(steeredLayers, direction, 4f, SteeringPositions.promptAndGenerated()));
            }
            rows.add(row);
        }
        List<Long> resident = new ArrayList<>();
        long[] firstTokenAt = {0};
        long[] firstTokenCpu = {0};
        int[] tokensSeen = {0};
        TokenListener listener = (row, token) -> {
            if (firstTokenAt[0] == 0) {
                firstTokenAt[0] = System.nanoTime();
                firstTokenCpu[0] = processCpuNanos();
            }
            if (row == 0) {
                tokensSeen[0]++;
                if (sampleEvery > 0 && tokensSeen[0] % sampleEvery == 0) {
                    resident.add(procStatus("VmRSS:"));
                }
            }
        };
        resetPeakResident();
        long start = System.nanoTime();
        generator.generate(new GenerationRequest(rows, Set.of(), null, listener));
        long end = System.nanoTime();
        long endCpu = processCpuNanos();
        double prefillSeconds = (firstTokenAt[0] - start) / 1e9;
        double decodeSeconds = (end - firstTokenAt[0]) / 1e9;
        return new Result(
                batch,
                promptTokens,
                newTokens,
                steeredLayers.clone(),
                batch * promptTokens / prefillSeconds,
                batch * (newTokens - 1) / decodeSeconds,
                procStatus("VmHWM:"),
                resident,
                (endCpu - firstTokenCpu[0]) / 1e6 / (newTokens - 1));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+); ignored elsewhere. */
    private static void resetPeakResident() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux or not permitted: the peak then covers the whole process lifetime
        }
    }

    /** A "kB" line of /proc/self/status in bytes, or -1. */
    static long procStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
