package ai.steersynth.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.steersynth.engine.generate.TokenLogProbabilities.ScoredSequence;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.model.ModelConfig;
import ai.steersynth.engine.model.ScalarLlama;
import ai.steersynth.engine.model.SyntheticWeightSource;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TokenLogProbabilitiesTest {

    static Stream<ModelConfig> families() {
        return Stream.of(
                SyntheticWeightSource.tinyLlama(),
                SyntheticWeightSource.tinyQwen2(),
                // untied head with q/k/v biases, as GeneratorTest uses
                new ModelConfig("qwen2", 2, 64, 128, 4, 2, 16, 128, 256, 1e-6f, 1000000f, null, false, true));
    }

    private static int[] tokens(Random random, int length) {
        return random.ints(length, 0, 128).toArray();
    }

    /**
     * The reference: for each continuation token, the scalar model's last-position logits of the
     * prefix before it (one unpadded pass per prefix, in double), log-softmaxed, at that token.
     */
    private static double[] reference(ScalarLlama scalar, int[] context, int[] continuation) {
        double[] out = new double[continuation.length];
        for (int k = 0; k < continuation.length; k++) {
            int[] prefix = Arrays.copyOf(context, context.length + k);
            System.arraycopy(continuation, 0, prefix, context.length, k);
            float[] logits = scalar.logits(prefix, null);
            double max = Double.NEGATIVE_INFINITY;
            for (float l : logits) {
                max = Math.max(max, l);
            }
            double sum = 0;
            for (float l : logits) {
                sum += Math.exp(l - max);
            }
            out[k] = logits[continuation[k]] - max - Math.log(sum);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("families")
    void eachTokensLogProbabilityMatchesTheLogSoftmaxOfAPrefixByPrefixScalarPass(ModelConfig config) {
        SyntheticWeightSource source = new SyntheticWeightSource(config);
        ScalarLlama scalar = new ScalarLlama(source);
        Random random = new Random(31);
        int[] context = tokens(random, 5);
        int[] continuation = tokens(random, 7);
        try (LlamaModel model = LlamaModel.load(source, Device.cpu())) {
            float[] actual = new TokenLogProbabilities(model)
                    .score(List.of(new ScoredSequence(context, continuation)))
                    .get(0);
            double[] expected = reference(scalar, context, continuation);
            assertThat(actual).hasSize(continuation.length);
            for (int k = 0; k < expected.length; k++) {
                assertThat((double) actual[k]).as("token " + k).isCloseTo(expected[k], Offset.offset(1e-4));
                assertThat(actual[k]).isLessThanOrEqualTo(0f);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void aLeftPaddedBatchGivesEachRowWhatItGetsAlone(ModelConfig config) {
        SyntheticWeightSource source = new SyntheticWeightSource(config);
        Random random = new Random(32);
        List<ScoredSequence> rows = List.of(
                new ScoredSequence(tokens(random, 3), tokens(random, 9)),
                new ScoredSequence(tokens(random, 11), tokens(random, 2)),
                new ScoredSequence(tokens(random, 1), tokens(random, 5)),
                new ScoredSequence(tokens(random, 6), new int[0]),
                new ScoredSequence(tokens(random, 2), tokens(random, 12)));
        try (LlamaModel model = LlamaModel.load(source, Device.cpu())) {
            TokenLogProbabilities scorer = new TokenLogProbabilities(model);
            List<float[]> batched = scorer.score(rows);
            for (int i = 0; i < rows.size(); i++) {
                float[] alone = scorer.score(List.of(rows.get(i))).get(0);
                assertThat(batched.get(i)).hasSize(rows.get(i).continuationTokenIds().length);
                for (int k = 0; k < alone.length; k++) {
                    assertThat(batched.get(i)[k])
                            .as("row " + i + " token " + k)
                            .isCloseTo(alone[k], Offset.offset(2e-5f));
                }
            }
            // a different continuation scores differently, so the positions really are the row's own
            assertThat(batched.get(0)).isNotEqualTo(batched.get(4));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void theLogProbabilitiesOfAllTokensAtAPositionSumToOne(ModelConfig config) {
        int[] context = tokens(new Random(33), 4);
        try (LlamaModel model = LlamaModel.load(new SyntheticWeightSource(config), Device.cpu())) {
            TokenLogProbabilities scorer = new TokenLogProbabilities(model);
            List<ScoredSequence> everyToken = new java.util.ArrayList<>();
            for (int token = 0; token < config.vocabularySize(); token++) {
                everyToken.add(new ScoredSequence(context, new int[] {token}));
            }
            double total = scorer.score(everyToken).stream()
                    .mapToDouble(r -> Math.exp(r[0]))
                    .sum();
            assertThat(total).isCloseTo(1.0, Offset.offset(1e-4));
        }
    }

    @org.junit.jupiter.api.Test
    void badInputIsRejectedNamingTheField() {
        try (LlamaModel model =
                LlamaModel.load(new SyntheticWeightSource(SyntheticWeightSource.tinyLlama()), Device.cpu())) {
            TokenLogProbabilities scorer = new TokenLogProbabilities(model);
            assertThatThrownBy(() -> new ScoredSequence(new int[0], new int[] {1}))
                    .hasMessageContaining("contextTokenIds");
            assertThatThrownBy(() -> scorer.score(List.of(new ScoredSequence(new int[] {1}, new int[] {128}))))
                    .hasMessageContaining("continuationTokenIds")
                    .hasMessageContaining("128");
            assertThatThrownBy(() -> scorer.score(List.of())).hasMessageContaining("rows");
        }
    }
}
