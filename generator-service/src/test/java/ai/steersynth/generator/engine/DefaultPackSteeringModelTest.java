package ai.steersynth.generator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.contracts.sweep.StrengthMode;
import ai.steersynth.engine.ModelFiles;
import ai.steersynth.engine.chat.ChatMessage;
import ai.steersynth.engine.generate.GenerationRequest;
import ai.steersynth.engine.generate.GenerationResult;
import ai.steersynth.engine.generate.GenerationRow;
import ai.steersynth.engine.generate.Generator;
import ai.steersynth.engine.generate.SamplingParameters;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.steering.ActivationCapture;
import ai.steersynth.engine.steering.Steering;
import ai.steersynth.engine.steering.extract.ExtractionOptions;
import ai.steersynth.engine.steering.extract.SteeringVector;
import ai.steersynth.engine.steering.extract.SteeringVectorExtractor;
import ai.steersynth.packs.defaults.DefaultPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MEAN_DIFFERENCE vectors from the real toxicity and sycophancy packs (built from the shared data)
 * on the default model (SmolLM2-135M-Instruct, {@code STEERSYNTH_TEST_MODEL}): the next layer's
 * residual moves along the vector as the strength grows, and the pack's concept-typical
 * continuations of held-out pairs become more likely than unsteered. Greedy and seeded throughout.
 * Skipped without the model or the shared data.
 */
class DefaultPackSteeringModelTest {

    /** A middle block of SmolLM2-135M's 30. */
    private static final int LAYER = 12;

    /** A moderate relative strength: a quarter of the layer's mean residual norm. */
    private static final double MODERATE_STRENGTH = 0.25;

    private static final int EXTRACTION_PAIRS = 32;
    private static final int SCORED_PAIRS = 12;
    private static final int MAX_CONTINUATION_TOKENS = 40;
    private static final ExtractionOptions OPTIONS =
            ExtractionOptions.defaults().withMaxPairs(EXTRACTION_PAIRS).withSeed(42);

    private static Path data;
    private static ModelFiles files;
    private static LlamaModel model;

    @BeforeAll
    static void load() {
        String modelPath = System.getenv("STEERSYNTH_TEST_MODEL");
        assumeTrue(
                modelPath != null && Files.isRegularFile(Path.of(modelPath)),
                "STEERSYNTH_TEST_MODEL is not set to the default model's GGUF (../shared/tools/fetch-model.sh"
                        + " prints it): skipping the default-pack steering test");
        data = sharedData();
        assumeTrue(
                data != null,
                "Shared data folder not found: set STEERSYNTH_SHARED_DATA or place shared/data above the working"
                        + " directory; skipping the default-pack steering test");
        files = ModelFiles.open(Path.of(modelPath));
        model = LlamaModel.load(files.weights(), Device.cpu());
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
        if (files != null) {
            files.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DefaultPacks.TOXICITY, DefaultPacks.SYCOPHANCY})
    void theNextLayersProjectionRisesWithStrengthAndConceptContinuationsBecomeMoreLikely(String packId) {
        ConceptPack pack = DefaultPacks.build(packId, data).pack();
        SteeringVector vector = SteeringVectorExtractor.of(files, model)
                .extract(pack, SteeringMethod.MEAN_DIFFERENCE, OPTIONS, LAYER)
                .single();

        double[] strengths = {0, 0.25, 0.5, 1, 2, 4, 8};
        double[] projections =
                projections(vector, prompt(pack.generationPrompts().get(0)), strengths);
        System.out.printf(
                Locale.ROOT,
                "%s: projection of layer %d's mean prompt residual on the vector (norm %.2f) at relative strengths %s: %s%n",
                packId,
                LAYER + 1,
                vector.meanResidualNorm(),
                Arrays.toString(strengths),
                Arrays.toString(projections));

        double[] scoreStrengths = {0, MODERATE_STRENGTH / 2, MODERATE_STRENGTH, 2 * MODERATE_STRENGTH};
        double[][] logProbabilities = heldOutLogProbabilities(pack, vector, scoreStrengths);
        System.out.printf(
                Locale.ROOT,
                "%s: mean log p per token of held-out positive / negative continuations at relative strengths %s:"
                        + " positive %s, negative %s, A/B log-odds positive vs negative %s%n",
                packId,
                Arrays.toString(scoreStrengths),
                Arrays.toString(logProbabilities[0]),
                Arrays.toString(logProbabilities[1]),
                Arrays.toString(logProbabilities[2]));

        for (int i = 1; i < strengths.length; i++) {
            assertThat(projections[i])
                    .as("projection at strength " + strengths[i])
                    .isGreaterThan(projections[i - 1]);
        }
    }

    /** Per strength, the projection of block LAYER + 1's mean residual over the prompt on the unit direction. */
    private static double[] projections(SteeringVector vector, int[] prompt, double[] strengths) {
        List<GenerationRow> rows = new ArrayList<>();
        for (double strength : strengths) {
            rows.add(GenerationRow.of(prompt, SamplingParameters.greedy(), 1, 0)
                    .withCapture(new ActivationCapture(new int[] {LAYER + 1}, false, true, 0, false))
                    .withSteering(
                            vector.steering(strength, StrengthMode.RELATIVE, PositionPolicy.PROMPT_AND_GENERATION)));
        }
        List<GenerationResult> results = new Generator(model).generate(GenerationRequest.of(rows, Set.of()));
        float[] direction = vector.direction();
        double[] projections = new double[strengths.length];
        for (int i = 0; i < strengths.length; i++) {
            float[] mean = results.get(i).activations().meanOverPrompt().get(LAYER + 1);
            for (int h = 0; h < mean.length; h++) {
                projections[i] += mean[h] * direction[h];
            }
        }
        return projections;
    }

    /**
     * Mean log-probability per token of the positive (row 0) and negative (row 1) sides of pairs not
     * used for extraction, per strength. TEXT pairs: each side's completion after the pack's first
     * generation prompt. A/B pairs: each side's answer letter after the question and the answer's
     * opening, the token the vector was read at; row 2 is then the mean log-odds of the positive letter
     * against the negative one, NaN for TEXT packs.
     */
    private static double[][] heldOutLogProbabilities(ConceptPack pack, SteeringVector vector, double[] strengths) {
        Set<ContrastivePair> used =
                new HashSet<>(SteeringVectorExtractor.selectPairs(pack.contrastivePairs(), OPTIONS));
        List<ContrastivePair> heldOut = pack.contrastivePairs().stream()
                .filter(p -> !used.contains(p))
                .limit(SCORED_PAIRS)
                .toList();
        List<List<Steering>> steering = new ArrayList<>();
        for (double strength : strengths) {
            steering.add(
                    List.of(vector.steering(strength, StrengthMode.RELATIVE, PositionPolicy.PROMPT_AND_GENERATION)));
        }
        double[][] sums = new double[3][strengths.length];
        long[] tokens = new long[3];
        for (ContrastivePair pair : heldOut) {
            if (pair.kind() == ContrastivePair.PairKind.AB) {
                String rendered = files.chatTemplate().render(List.of(ChatMessage.user(pair.prompt())), true);
                int[] positive = files.tokenizer().encode(rendered + pair.positive(), false);
                int[] negative = files.tokenizer().encode(rendered + pair.negative(), false);
                int letter = 0;
                while (positive[letter] == negative[letter]) {
                    letter++;
                }
                double[][] scores = SteeredScoring.nextTokenLogProbabilities(
                        model,
                        Arrays.copyOf(positive, letter),
                        new int[] {positive[letter], negative[letter]},
                        steering);
                for (int s = 0; s < strengths.length; s++) {
                    sums[0][s] += scores[s][0];
                    sums[1][s] += scores[s][1];
                    // the log-odds of the concept's letter against the other answer's
                    sums[2][s] += scores[s][0] - scores[s][1];
                }
                tokens[0]++;
                tokens[1]++;
                tokens[2]++;
                continue;
            }
            int[] prompt = prompt(pack.generationPrompts().get(0));
            List<String> sides = List.of(pair.positive(), pair.negative());
            for (int side = 0; side < 2; side++) {
                int[] ids = files.tokenizer().encode(sides.get(side), false);
                int[] continuation = Arrays.copyOf(ids, Math.min(ids.length, MAX_CONTINUATION_TOKENS));
                double[] scores = SteeredScoring.logProbabilities(model, prompt, continuation, steering);
                tokens[side] += continuation.length;
                for (int s = 0; s < strengths.length; s++) {
                    sums[side][s] += scores[s];
                }
            }
        }
        for (int side = 0; side < 3; side++) {
            for (int s = 0; s < strengths.length; s++) {
                sums[side][s] = tokens[side] == 0 ? Double.NaN : sums[side][s] / tokens[side];
            }
        }
        return sums;
    }

    private static int[] prompt(String user) {
        String rendered = files.chatTemplate().render(List.of(ChatMessage.user(user)), true);
        return files.tokenizer().encode(rendered, false);
    }

    /** {@code STEERSYNTH_SHARED_DATA}, else {@code shared/data} above the working directory; null when absent. */
    private static Path sharedData() {
        String env = System.getenv("STEERSYNTH_SHARED_DATA");
        if (env != null && !env.isBlank()) {
            return Files.isDirectory(Path.of(env)) ? Path.of(env) : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared").resolve("data"))) {
                return dir.resolve("shared").resolve("data");
            }
        }
        return null;
    }
}
