package ai.steersynth.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LlamaModelTest {

    static Stream<ModelConfig> families() {
        return Stream.of(
                SyntheticWeightSource.tinyLlama(),
                SyntheticWeightSource.tinyLlama3(),
                SyntheticWeightSource.tinyQwen2());
    }

    @ParameterizedTest
    @MethodSource("families")
    void forwardPassMatchesTheScalarReference(ModelConfig config) {
        SyntheticWeightSource source = new SyntheticWeightSource(config);
        ScalarLlama reference = new ScalarLlama(source);
        int[] tokens = randomTokens(new Random(1), 9, config.vocabularySize());
        try (LlamaModel model = LlamaModel.load(source, Device.cpu())) {
            float[] logits = forwardOnce(model, new int[][] {tokens})[0];
            assertClose(logits, reference.logits(tokens, null), 1e-4);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void leftPaddedRowsOfDifferentLengthsEachGetTheirOwnLogits(ModelConfig config) {
        SyntheticWeightSource source = new SyntheticWeightSource(config);
        ScalarLlama reference = new ScalarLlama(source);
        Random random = new Random(2);
        int[][] prompts = {
            randomTokens(random, 3, config.vocabularySize()),
            randomTokens(random, 11, config.vocabularySize()),
            randomTokens(random, 1, config.vocabularySize()),
            randomTokens(random, 6, config.vocabularySize())
        };
        try (LlamaModel model = LlamaModel.load(source, Device.cpu())) {
            float[][] logits = forwardOnce(model, prompts);
            for (int row = 0; row < prompts.length; row++) {
                assertClose(logits[row], reference.logits(prompts[row], null), 1e-4);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void decodingOverTheCacheMatchesRecomputingTheWholePrefix(ModelConfig config) {
        SyntheticWeightSource source = new SyntheticWeightSource(config);
        Random random = new Random(3);
        int[][] prompts = {randomTokens(random, 4, 128), randomTokens(random, 7, 128)};
        int steps = 5;
        int[][] continuation = {randomTokens(random, steps, 128), randomTokens(random, steps, 128)};
        try (LlamaModel model = LlamaModel.load(source, Device.cpu());
                NDManager request = model.newRequestManager();
                KeyValueCache cache = model.newCache(request, new int[] {3, 0}, 7 + steps)) {
            forwardStep(model, cache, request, padLeft(prompts, 7));
            for (int t = 0; t < steps; t++) {
                long[][] next = {{continuation[0][t]}, {continuation[1][t]}};
                float[][] decoded = forwardStep(model, cache, request, next);
                int[][] prefixes = new int[2][];
                for (int row = 0; row < 2; row++) {
                    prefixes[row] = concat(prompts[row], java.util.Arrays.copyOf(continuation[row], t + 1));
                }
                float[][] recomputed = forwardOnce(model, prefixes);
                assertClose(decoded[0], recomputed[0], 2e-5);
                assertClose(decoded[1], recomputed[1], 2e-5);
            }
        }
    }

    @Test
    void rmsNormMatchesTheScalarReference() {
        ModelConfig config = SyntheticWeightSource.tinyLlama();
        SyntheticWeightSource source = new SyntheticWeightSource(config);
        ScalarLlama reference = new ScalarLlama(source);
        Random random = new Random(4);
        float[] input = new float[3 * config.hiddenSize()];
        float[] weight = new float[config.hiddenSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextGaussian() * 3;
        }
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) random.nextGaussian();
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            float[] actual = LlamaModel.rmsNorm(
                            manager.create(input, new Shape(3, config.hiddenSize())),
                            manager.create(weight),
                            config.rmsNormEpsilon())
                    .toFloatArray();
            for (int row = 0; row < 3; row++) {
                double[] x = new double[config.hiddenSize()];
                for (int h = 0; h < x.length; h++) {
                    x[h] = input[row * x.length + h];
                }
                double[] expected = reference.rmsNorm(x, weight);
                for (int h = 0; h < x.length; h++) {
                    assertThat((double) actual[row * x.length + h])
                            .isCloseTo(expected[h], org.assertj.core.data.Offset.offset(1e-5));
                }
            }
        }
    }

    @Test
    void aForwardStepLeavesNoArraysBehindOnTheRequestManager() {
        try (LlamaModel model =
                        LlamaModel.load(new SyntheticWeightSource(SyntheticWeightSource.tinyLlama()), Device.cpu());
                NDManager request = model.newRequestManager();
                KeyValueCache cache = model.newCache(request, new int[] {0}, 8)) {
            int before = request.getManagedArrays().size();
            forwardStep(model, cache, request, new long[][] {{1, 2, 3}});
            forwardStep(model, cache, request, new long[][] {{4}});
            assertThat(request.getManagedArrays()).hasSize(before);
        }
    }

    /** Logits of each prompt, run as one left-padded batch with a fresh cache. */
    static float[][] forwardOnce(LlamaModel model, int[][] prompts) {
        int longest = Stream.of(prompts).mapToInt(p -> p.length).max().orElseThrow();
        int[] padding = Stream.of(prompts).mapToInt(p -> longest - p.length).toArray();
        try (NDManager request = model.newRequestManager();
                KeyValueCache cache = model.newCache(request, padding, longest)) {
            return forwardStep(model, cache, request, padLeft(prompts, longest));
        }
    }

    static float[][] forwardStep(LlamaModel model, KeyValueCache cache, NDManager request, long[][] ids) {
        int batch = ids.length;
        int seq = ids[0].length;
        long[] flat = new long[batch * seq];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(ids[b], 0, flat, b * seq, seq);
        }
        try (NDManager step = request.newSubManager()) {
            NDArray logits = model.forward(step.create(flat, new Shape(batch, seq)), cache, ResidualStreamHook.NONE);
            float[] values = logits.toFloatArray();
            int vocabulary = values.length / batch;
            float[][] rows = new float[batch][];
            for (int b = 0; b < batch; b++) {
                rows[b] = java.util.Arrays.copyOfRange(values, b * vocabulary, (b + 1) * vocabulary);
            }
            return rows;
        }
    }

    static long[][] padLeft(int[][] prompts, int length) {
        long[][] padded = new long[prompts.length][length];
        for (int b = 0; b < prompts.length; b++) {
            for (int s = 0; s < prompts[b].length; s++) {
                padded[b][length - prompts[b].length + s] = prompts[b][s];
            }
        }
        return padded;
    }

    static int[] randomTokens(Random random, int length, int vocabulary) {
        return random.ints(length, 0, vocabulary).toArray();
    }

    static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void assertClose(float[] actual, float[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        assertThat(worst).as("max |difference|").isLessThanOrEqualTo(tolerance);
    }
}
