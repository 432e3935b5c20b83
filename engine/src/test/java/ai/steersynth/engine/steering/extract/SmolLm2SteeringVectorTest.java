package ai.steersynth.engine.steering.extract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
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
import ai.steersynth.engine.weights.TestModels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Extraction on the default model (SmolLM2-135M-Instruct GGUF from STEERSYNTH_TEST_MODEL; skipped
 * when unset) with hand-written toxic and non-toxic TEXT pairs.
 */
class SmolLm2SteeringVectorTest {

    private static final int LAYER = 12;

    private static final String[][] TOXIC_AND_CLEAN = {
        {"Shut up, you worthless idiot.", "Thanks, that is a fair point."},
        {"You are a pathetic loser and everyone hates you.", "You did a great job and everyone appreciates you."},
        {"Go to hell, you stupid moron.", "Have a lovely day, my friend."},
        {"What a disgusting, brainless piece of trash you are.", "What a thoughtful and kind person you are."},
        {"Nobody cares about your garbage opinion, dumbass.", "I value your opinion, thank you for sharing."},
        {"I hope you choke, you ugly freak.", "I hope you feel better soon, take care."},
        {"Get lost, you filthy scumbag.", "Welcome, it is good to see you."},
        {"You are too dumb to breathe, idiot.", "You explained that really clearly, thanks."},
        {"This is the stupidest crap I have ever read, moron.", "This is one of the best articles I have read."},
        {"Screw you and your idiotic friends.", "Say hello to your lovely friends for me."},
        {"Shut your mouth, you ignorant clown.", "Let us talk it over calmly together."},
        {"You worthless pig, nobody wants you here.", "You are very welcome here with us."},
        {"Your work is trash and so are you.", "Your work is excellent and I learned a lot."},
        {"Drop dead, you miserable jerk.", "Congratulations on your new job!"},
        {"You brainless idiots ruin everything.", "You all did wonderful work together."},
        {"Stop whining, you pathetic crybaby.", "It is okay to feel sad sometimes."}
    };

    private static ModelFiles files;
    private static LlamaModel model;
    private static SteeringVectorExtractor extractor;
    private static ContrastiveActivations activations;

    @BeforeAll
    static void load() {
        files = ModelFiles.open(TestModels.defaultModel());
        model = LlamaModel.load(files.weights(), Device.cpu());
        extractor = SteeringVectorExtractor.of(files, model);
        activations = extractor.collect(pack(), ExtractionOptions.defaults(), LAYER, LAYER + 1);
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

    private static ConceptPack pack() {
        List<ContrastivePair> pairs = new ArrayList<>();
        for (String[] pair : TOXIC_AND_CLEAN) {
            pairs.add(new ContrastivePair(PairKind.TEXT, "", pair[0], pair[1]));
        }
        return new ConceptPack("toxicity-test", "Toxicity", "Toxic text.", "Be toxic.", pairs, List.of(), null, null);
    }

    private static int[] chatPrompt(String user) {
        String rendered = files.chatTemplate().render(List.of(ChatMessage.user(user)), true);
        return files.tokenizer().encode(rendered, false);
    }

    @Test
    void everyMethodYieldsAUnitVectorWithProvenanceAtTheLayerNorm() {
        for (SteeringMethod method : SteeringMethod.values()) {
            SteeringVector vector = extractor.vector(activations, method, LAYER, ExtractionOptions.defaults());
            assertThat(VectorMath.norm(vector.direction())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(vector.meanResidualNorm())
                    .isEqualTo(activations.layer(LAYER).meanResidualNorm());
            assertThat(vector.provenance().modelContentHash())
                    .isEqualTo(files.weights().contentHash());
            assertThat(vector.provenance().readPositions()).containsExactly(ActivationPositions.TEXT_COMPLETION_MEAN);
            System.out.println(method + ": " + vector.provenance().describe());
        }
        SteeringVector probe =
                extractor.vector(activations, SteeringMethod.LINEAR_PROBE, LAYER, ExtractionOptions.defaults());
        assertThat(probe.provenance().probeHeldOutAccuracy()).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void theNextLayersProjectionOnTheVectorRisesMonotonicallyWithStrength() {
        SteeringVector vector =
                extractor.vector(activations, SteeringMethod.MEAN_DIFFERENCE, LAYER, ExtractionOptions.defaults());
        int[] prompt = chatPrompt("Write a reply to this post: the bus was late again today.");
        double[] strengths = {-0.5, 0, 0.25, 0.5, 1.0, 2.0};
        List<GenerationRow> rows = new ArrayList<>();
        for (double strength : strengths) {
            rows.add(GenerationRow.of(prompt, SamplingParameters.greedy(), 1, 0)
                    .withCapture(new ActivationCapture(new int[] {LAYER + 1}, false, true, 0, false))
                    .withSteering(
                            vector.steering(strength, StrengthMode.RELATIVE, PositionPolicy.PROMPT_AND_GENERATION)));
        }
        List<GenerationResult> results = new Generator(model).generate(GenerationRequest.of(rows, Set.of()));
        double[] projections = new double[strengths.length];
        float[] direction = vector.direction();
        for (int i = 0; i < strengths.length; i++) {
            float[] mean = results.get(i).activations().meanOverPrompt().get(LAYER + 1);
            for (int h = 0; h < mean.length; h++) {
                projections[i] += mean[h] * direction[h];
            }
        }
        System.out.println("projections at layer " + (LAYER + 1) + " for strengths " + Arrays.toString(strengths) + ": "
                + Arrays.toString(projections));
        for (int i = 1; i < projections.length; i++) {
            assertThat(projections[i]).as("strength " + strengths[i]).isGreaterThan(projections[i - 1]);
        }
    }

    @Test
    void toxicContinuationsBecomeMoreLikelyAtAModerateStrength() {
        SteeringVector vector =
                extractor.vector(activations, SteeringMethod.MEAN_DIFFERENCE, LAYER, ExtractionOptions.defaults());
        int[] prompt = chatPrompt("Write a reply to this post: the bus was late again today.");
        String[] continuations = {"Shut up, you stupid idiot.", "You are a pathetic moron.", "Go to hell, loser."};
        double[] strengths = {0.0, 0.1, 0.25, 0.5, 1.0};
        List<int[]> rows = new ArrayList<>();
        List<List<ai.steersynth.engine.steering.Steering>> steering = new ArrayList<>();
        for (double strength : strengths) {
            for (String continuation : continuations) {
                rows.add(files.tokenizer().encode(continuation, false));
                steering.add(List.of(
                        vector.steering(strength, StrengthMode.RELATIVE, PositionPolicy.PROMPT_AND_GENERATION)));
            }
        }
        double[] logProbabilities = SteeredScoring.logProbabilities(model, prompt, rows, steering);
        double[] totals = new double[strengths.length];
        for (int i = 0; i < logProbabilities.length; i++) {
            totals[i / continuations.length] += logProbabilities[i];
        }
        System.out.println("total log p of the toxic continuations at relative strengths " + Arrays.toString(strengths)
                + ": " + Arrays.toString(totals));
        // moderate strengths (a tenth and a quarter of a residual norm) make them more likely than unsteered
        assertThat(totals[1]).as("relative strength 0.1").isGreaterThan(totals[0]);
        assertThat(totals[2]).as("relative strength 0.25").isGreaterThan(totals[0]);
    }
}
