package ai.steersynth.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.model.ModelConfig;
import ai.steersynth.engine.model.ScalarLlama;
import ai.steersynth.engine.model.SyntheticWeightSource;
import ai.steersynth.engine.steering.ActivationCapture;
import ai.steersynth.engine.steering.Steering;
import ai.steersynth.engine.steering.SteeringPositions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratorTest {

    /** Qwen2-shaped (q/k/v biases) with an untied head, whose greedy output does not just echo its input. */
    private static final ModelConfig CONFIG =
            new ModelConfig("qwen2", 2, 64, 128, 4, 2, 16, 128, 256, 1e-6f, 1000000f, null, false, true);

    private static SyntheticWeightSource source;
    private static LlamaModel model;
    private static Generator generator;

    @BeforeAll
    static void load() {
        source = new SyntheticWeightSource(CONFIG);
        model = LlamaModel.load(source, Device.cpu());
        generator = new Generator(model);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static int[] prompt(long seed, int length) {
        return new Random(seed).ints(length, 0, CONFIG.vocabularySize()).toArray();
    }

    private static float[] unitVector(long seed) {
        Random random = new Random(seed);
        float[] v = new float[CONFIG.hiddenSize()];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static List<GenerationResult> run(GenerationRow... rows) {
        return generator.generate(GenerationRequest.of(List.of(rows), Set.of()));
    }

    @Test
    void aBatchOfGreedyRowsWithDifferentPromptLengthsEqualsEachRowRunAlone() {
        GenerationRow[] rows = {
            GenerationRow.of(prompt(1, 3), SamplingParameters.greedy(), 0, 10),
            GenerationRow.of(prompt(2, 12), SamplingParameters.greedy(), 0, 10),
            GenerationRow.of(prompt(3, 1), SamplingParameters.greedy(), 0, 6),
            GenerationRow.of(prompt(4, 7), SamplingParameters.greedy(), 0, 10)
        };
        List<GenerationResult> batched = run(rows);
        for (int i = 0; i < rows.length; i++) {
            GenerationResult alone = run(rows[i]).get(0);
            assertThat(batched.get(i).tokenIds()).as("row " + i).containsExactly(alone.tokenIds());
            assertThat(batched.get(i).finishReason()).isEqualTo(FinishReason.LENGTH);
        }
        assertThat(batched.get(2).tokenIds()).hasSize(6);
    }

    @Test
    void anInterruptedThreadStopsTheBatchAndTheGeneratorStillWorksAfterwards() {
        GenerationRow row = GenerationRow.of(prompt(14, 5), SamplingParameters.greedy(), 0, 8);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> run(row))
                    .isInstanceOf(GenerationInterruptedException.class)
                    .hasMessageContaining("interrupted");
        } finally {
            Thread.interrupted();
        }
        assertThat(run(row).get(0).tokenIds()).containsExactly(scalarGreedy(prompt(14, 5), 8, null));
    }

    @Test
    void greedyGenerationMatchesTheScalarReference() {
        int[] tokens = prompt(5, 6);
        GenerationResult result =
                run(GenerationRow.of(tokens, SamplingParameters.greedy(), 0, 8)).get(0);
        assertThat(result.tokenIds()).containsExactly(scalarGreedy(tokens, 8, null));
    }

    @Test
    void aSeededRowDrawsTheSameTokensWhateverItsBatchMates() {
        SamplingParameters sampling = new SamplingParameters(1.2f, 40, 0.95f);
        GenerationRow row = GenerationRow.of(prompt(6, 5), sampling, 1234, 12);
        GenerationResult alone = run(row).get(0);
        List<GenerationResult> batched = run(
                GenerationRow.of(prompt(7, 9), sampling, 99, 12),
                row,
                GenerationRow.of(prompt(8, 2), SamplingParameters.greedy(), 0, 3));
        assertThat(batched.get(1).tokenIds()).containsExactly(alone.tokenIds());
        GenerationResult otherSeed =
                run(GenerationRow.of(prompt(6, 5), sampling, 4321, 12)).get(0);
        assertThat(otherSeed.tokenIds()).isNotEqualTo(alone.tokenIds());
    }

    @Test
    void eachRowOfAMixedSteeringBatchEqualsThatRowSteeredAlone() {
        GenerationRow plain = GenerationRow.of(prompt(9, 4), SamplingParameters.greedy(), 0, 8);
        GenerationRow[] rows = {
            plain.withSteering(Steering.atLayer(0, unitVector(1), 6f)),
            GenerationRow.of(prompt(10, 9), SamplingParameters.greedy(), 0, 8),
            GenerationRow.of(prompt(11, 6), SamplingParameters.greedy(), 0, 8)
                    .withSteering(
                            new Steering(new int[] {0, 1}, unitVector(2), -5f, SteeringPositions.generatedOnly())),
            GenerationRow.of(prompt(12, 7), SamplingParameters.greedy(), 0, 8)
                    .withSteering(Steering.actAdd(1, unitVector(3), 8f, 2), Steering.atLayer(1, unitVector(4), 2f))
        };
        List<GenerationResult> batched = run(rows);
        for (int i = 0; i < rows.length; i++) {
            assertThat(batched.get(i).tokenIds())
                    .as("row " + i)
                    .containsExactly(run(rows[i]).get(0).tokenIds());
        }
        assertThat(batched.get(0).tokenIds())
                .as("steering changes the output")
                .isNotEqualTo(run(plain).get(0).tokenIds());
    }

    @Test
    void steeredGenerationMatchesTheScalarReferenceForEachPositionPolicy() {
        int[] tokens = prompt(13, 6);
        float[] vector = unitVector(5);
        List<Steering> policies = List.of(
                new Steering(new int[] {0}, vector, 7f, SteeringPositions.promptAndGenerated()),
                new Steering(new int[] {1}, vector, 7f, SteeringPositions.generatedOnly()),
                new Steering(new int[] {0}, vector, 9f, SteeringPositions.promptOnly()),
                Steering.actAdd(0, vector, 12f, 3));
        for (Steering steering : policies) {
            GenerationRow row =
                    GenerationRow.of(tokens, SamplingParameters.greedy(), 0, 8).withSteering(steering);
            assertThat(run(row).get(0).tokenIds())
                    .as(steering.toString())
                    .containsExactly(scalarGreedy(tokens, 8, steering));
        }
    }

    @Test
    void rowsThatFinishEarlyLeaveTheBatchWithoutChangingTheOthers() {
        ActivationCapture capture = ActivationCapture.generated(1);
        GenerationRow[] rows = {
            GenerationRow.of(prompt(22, 3), SamplingParameters.greedy(), 0, 2)
                    .withSteering(Steering.atLayer(0, unitVector(8), 5f)),
            GenerationRow.of(prompt(23, 8), new SamplingParameters(1f, 0, 0.9f), 5, 9)
                    .withSteering(Steering.atLayer(1, unitVector(9), -4f))
                    .withCapture(capture),
            GenerationRow.of(prompt(24, 5), SamplingParameters.greedy(), 0, 4),
            GenerationRow.of(prompt(25, 2), SamplingParameters.greedy(), 0, 9)
                    .withSteering(Steering.actAdd(0, unitVector(10), 9f, 1))
                    .withCapture(capture)
        };
        List<GenerationResult> batched = run(rows);
        for (int i = 0; i < rows.length; i++) {
            GenerationResult alone = run(rows[i]).get(0);
            assertThat(batched.get(i).tokenIds()).as("row " + i).containsExactly(alone.tokenIds());
            if (rows[i].capture() != null) {
                List<float[]> together =
                        batched.get(i).activations().generatedTokens().get(1);
                List<float[]> separate = alone.activations().generatedTokens().get(1);
                assertThat(together).hasSize(9).hasSameSizeAs(separate);
                for (int t = 0; t < together.size(); t++) {
                    assertClose(together.get(t), separate.get(t));
                }
            }
        }
    }

    @Test
    void strengthZeroReproducesTheUnsteeredOutputExactly() {
        GenerationRow plain = GenerationRow.of(prompt(14, 5), new SamplingParameters(0.8f, 0, 0.9f), 77, 10);
        GenerationRow zero = plain.withSteering(Steering.atLayer(1, unitVector(6), 0f));
        GenerationRow other = GenerationRow.of(prompt(15, 8), SamplingParameters.greedy(), 0, 10)
                .withSteering(Steering.atLayer(1, unitVector(7), 5f));
        assertThat(run(zero).get(0).tokenIds())
                .containsExactly(run(plain).get(0).tokenIds());
        assertThat(run(zero, other).get(0).tokenIds())
                .containsExactly(run(plain, other).get(0).tokenIds());
    }

    @Test
    void stopTokensEndARowWithoutJoiningItsOutput() {
        GenerationRow row = GenerationRow.of(prompt(16, 4), SamplingParameters.greedy(), 0, 10);
        int[] free = run(row).get(0).tokenIds();
        int stop = free[3];
        int firstStop = Arrays.stream(free).boxed().toList().indexOf(stop);
        List<int[]> streamed = new ArrayList<>(List.of(new int[0]));
        GenerationRequest request = new GenerationRequest(
                List.of(row), Set.of(stop), null, (r, token) -> streamed.add(new int[] {r, token}));
        GenerationResult result = generator.generate(request).get(0);
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.tokenIds()).containsExactly(Arrays.copyOf(free, firstStop));
        assertThat(streamed.subList(1, streamed.size()).stream()
                        .mapToInt(e -> e[1])
                        .toArray())
                .containsExactly(Arrays.copyOf(free, firstStop + 1));
    }

    @Test
    void aStopConditionEndsOnlyItsRow() {
        GenerationRow a = GenerationRow.of(prompt(17, 4), SamplingParameters.greedy(), 0, 9);
        GenerationRow b = GenerationRow.of(prompt(18, 6), SamplingParameters.greedy(), 0, 9);
        StopStrings stops = new StopStrings(List.of("<3>"), ids -> ids.length >= 3 ? "...<3>" : "..");
        List<GenerationResult> results = generator.generate(new GenerationRequest(
                List.of(a, b), Set.of(), (row, ids) -> row == 0 && stops.shouldStop(row, ids), null));
        assertThat(results.get(0).tokenIds()).hasSize(3);
        assertThat(results.get(0).finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(results.get(1).tokenIds()).hasSize(9);
        assertThat(results.get(1).finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(stops.truncate("abc<3>def")).isEqualTo("abc");
    }

    @Test
    void capturedActivationsMatchTheScalarResidualStreamAndDoNotDependOnPadding() {
        int[] tokens = prompt(19, 6);
        ScalarLlama reference = new ScalarLlama(source);
        double[][][] residual = new double[CONFIG.numberOfLayers()][tokens.length][];
        reference.logits(tokens, (layer, position, hidden) -> residual[layer][position] = hidden.clone());
        ActivationCapture capture = new ActivationCapture(new int[] {1}, true, true, 2, true);
        GenerationRow row =
                GenerationRow.of(tokens, SamplingParameters.greedy(), 0, 4).withCapture(capture);
        GenerationResult alone = run(row).get(0);
        GenerationResult padded = run(GenerationRow.of(prompt(20, 11), SamplingParameters.greedy(), 0, 4), row)
                .get(1);

        float[] last = alone.activations().lastPromptToken().get(1);
        float[] mean = alone.activations().meanOverPrompt().get(1);
        for (int h = 0; h < CONFIG.hiddenSize(); h++) {
            assertThat((double) last[h]).isCloseTo(residual[1][5][h], org.assertj.core.data.Offset.offset(1e-4));
            double expectedMean = (residual[1][2][h] + residual[1][3][h] + residual[1][4][h] + residual[1][5][h]) / 4;
            assertThat((double) mean[h]).isCloseTo(expectedMean, org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(alone.activations().generatedTokens().get(1)).hasSize(4);
        assertThat(alone.activations().generatedTokens().get(1).get(0)).containsExactly(last);
        assertThat(alone.activations().lastPromptToken()).doesNotContainKey(0);
        assertClose(padded.activations().lastPromptToken().get(1), last);
        assertClose(padded.activations().meanOverPrompt().get(1), mean);
    }

    @Test
    void zeroNewTokensRunsOnlyThePromptForCapture() {
        GenerationRow row = GenerationRow.of(prompt(21, 5), SamplingParameters.greedy(), 0, 0)
                .withCapture(ActivationCapture.prompt(0, 1));
        GenerationResult result = run(row).get(0);
        assertThat(result.tokenIds()).isEmpty();
        assertThat(result.activations().lastPromptToken()).containsOnlyKeys(0, 1);
        assertThat(result.activations().generatedTokens()).isEmpty();
    }

    private static void assertClose(float[] actual, float[] expected) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    /** Greedy decoding by full recompute with the scalar model, steering applied by the same policy. */
    private static int[] scalarGreedy(int[] prompt, int newTokens, Steering steering) {
        ScalarLlama reference = new ScalarLlama(source);
        int[] sequence = prompt.clone();
        int[] generated = new int[newTokens];
        for (int t = 0; t < newTokens; t++) {
            ScalarLlama.Hook hook = steering == null
                    ? null
                    : (layer, position, hidden) -> {
                        boolean steered = position < prompt.length
                                ? steering.positions().coversPromptIndex(position)
                                : steering.positions().generated();
                        if (steering.appliesTo(layer) && steered) {
                            float[] v = steering.vector();
                            for (int h = 0; h < hidden.length; h++) {
                                hidden[h] += steering.strength() * v[h];
                            }
                        }
                    };
            float[] logits = reference.logits(sequence, hook);
            generated[t] = Sampler.argMax(logits, 0, logits.length);
            sequence = Arrays.copyOf(sequence, sequence.length + 1);
            sequence[sequence.length - 1] = generated[t];
        }
        return generated;
    }
}
