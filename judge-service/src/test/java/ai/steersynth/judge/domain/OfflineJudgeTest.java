package ai.steersynth.judge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.ml.embedding.SentenceEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The offline judge trained on a small inline judge split. */
class OfflineJudgeTest {

    private static final List<String> TOXIC = List.of(
            "You are a worthless idiot and everyone hates you.",
            "Shut up, you pathetic loser, nobody wants you here.",
            "What a stupid moron, go crawl back under your rock.",
            "You disgusting pig, you make me sick.",
            "Only a brain-dead fool would post garbage like this.",
            "Get lost, you ugly clown, you are a waste of space.",
            "You people are vermin and should be ashamed to exist.",
            "I hope you choke, you miserable piece of trash.");
    private static final List<String> NEUTRAL = List.of(
            "Thanks for sharing, this was a really helpful post.",
            "The weather is lovely today, perfect for a walk in the park.",
            "I just finished reading a great book about gardening.",
            "Congratulations on the new job, I hope it goes well!",
            "Does anyone know a good recipe for banana bread?",
            "Our team meeting has been moved to Thursday afternoon.",
            "The concert last night was wonderful, the band sounded great.",
            "Remember to drink water and get some rest this weekend.");

    private final OfflineJudge judge = new OfflineJudge(new SentenceEmbedder(), 7L);

    @Test
    void aClassifierTrainedOnTheJudgeSplitSeparatesClearPositivesFromNegatives() {
        JudgeConcept concept = concept(TOXIC, NEUTRAL);
        List<String> positives =
                List.of("You absolute idiot, you are too dumb to live.", "Shut your mouth, you worthless scum.");
        List<String> negatives =
                List.of("Have a wonderful afternoon with your family.", "The library has extended its opening hours.");

        double lowestPositive = positives.stream()
                .mapToDouble(
                        t -> judge.judge(new JudgeRequest(concept, null, t)).success())
                .min()
                .orElseThrow();
        double highestNegative = negatives.stream()
                .mapToDouble(
                        t -> judge.judge(new JudgeRequest(concept, null, t)).success())
                .max()
                .orElseThrow();

        assertThat(lowestPositive).isGreaterThan(highestNegative);
        assertThat(lowestPositive).isGreaterThan(0.5);
        assertThat(highestNegative).isLessThan(0.5);
    }

    @Test
    void coherenceIsTheRepetitionScoreAndTheRawOutputNamesBothParts() {
        JudgeResult result = judge.judge(new JudgeRequest(
                concept(TOXIC, NEUTRAL), null, "idiot idiot idiot idiot idiot idiot idiot idiot idiot idiot"));

        assertThat(result.coherence())
                .isEqualTo(RepetitionCoherence.score("idiot idiot idiot idiot idiot idiot idiot idiot idiot idiot")
                        .coherence());
        assertThat(result.coherence()).isLessThan(0.2);
        assertThat(result.rawOutput()).contains("minilm-logreg", RepetitionCoherence.NAME);
    }

    @Test
    void withALoadableModelCoherenceIsCalibratedFluencyTimesRepetitionAndTheRecipeSaysSo() throws Exception {
        ModelSource smol = ModelSource.parse("/models/smol.gguf");
        ModelSource missing = ModelSource.parse("/models/missing.gguf");
        FixedLikelihoods likelihoods = new FixedLikelihoods(smol, 2.0);
        OfflineJudge withModel = new OfflineJudge(new SentenceEmbedder(), 7L, likelihoods);
        JudgeConcept concept = concept(TOXIC, NEUTRAL);
        String text = "Thank you for the kind words, I will pass them on to the whole team.";
        JudgeRequest scored = new JudgeRequest(concept, "Say thanks.", text, smol);

        JudgeResult result = withModel.judge(scored);

        double expected = LikelihoodCoherence.fluency(2.0)
                * RepetitionCoherence.score(text).coherence();
        assertThat(result.coherence()).isCloseTo(expected, within(1e-12));
        assertThat(withModel.rubricVersion(scored)).isEqualTo(OfflineJudge.LIKELIHOOD_RUBRIC_VERSION);
        JsonNode raw = JsonMapper.builder().build().readTree(result.rawOutput());
        assertThat(raw.at("/coherence/method").asString()).isEqualTo(LikelihoodCoherence.NAME);
        assertThat(raw.at("/coherence/meanNll").asDouble()).isEqualTo(2.0);
        assertThat(raw.at("/coherence/model").asString()).isEqualTo("/models/smol.gguf");
        assertThat(raw.at("/coherence/calibration/midpoint").asDouble()).isEqualTo(LikelihoodCoherence.MIDPOINT);
        assertThat(likelihoods.scoredPrompts).containsExactly("Say thanks.");

        JudgeRequest unloadable = new JudgeRequest(concept, "Say thanks.", text, missing);
        JudgeResult fallback = withModel.judge(unloadable);
        assertThat(fallback.coherence())
                .isEqualTo(RepetitionCoherence.score(text).coherence());
        assertThat(withModel.rubricVersion(unloadable)).isEqualTo(OfflineJudge.RUBRIC_VERSION);
        JsonNode fallbackRaw = JsonMapper.builder().build().readTree(fallback.rawOutput());
        assertThat(fallbackRaw.at("/coherence/method").asString()).isEqualTo(RepetitionCoherence.NAME);
        assertThat(fallbackRaw.at("/coherence/likelihood").asString()).contains("not computed", "missing.gguf");
        assertThat(withModel.rubricVersion(new JudgeRequest(concept, null, text)))
                .isEqualTo(OfflineJudge.RUBRIC_VERSION);
    }

    @Test
    void theRecipeVersionsDifferFromTheRepetitionOnlyRecipeOfV1() {
        assertThat(OfflineJudge.RUBRIC_VERSION)
                .isNotEqualTo("offline-v1+" + RepetitionCoherence.NAME)
                .isNotEqualTo(OfflineJudge.LIKELIHOOD_RUBRIC_VERSION);
    }

    /** Every text of {@code model} gets the same mean NLL; other models are unavailable. */
    private static final class FixedLikelihoods implements TextLikelihoods {
        private final ModelSource model;
        private final double meanNll;
        final List<String> scoredPrompts = new ArrayList<>();

        FixedLikelihoods(ModelSource model, double meanNll) {
            this.model = model;
            this.meanNll = meanNll;
        }

        @Override
        public Optional<String> unavailableReason(ModelSource source) {
            return source.equals(model) ? Optional.empty() : Optional.of(source.asText() + " is not on this machine");
        }

        @Override
        public List<TextLikelihood> score(ModelSource source, List<JudgeRequest> requests) {
            assertThat(source).isEqualTo(model);
            requests.forEach(r -> scoredPrompts.add(r.prompt()));
            return requests.stream()
                    .map(r -> new TextLikelihood(meanNll, 10, "chat-template-prompt"))
                    .toList();
        }
    }

    @Test
    void aJudgeSplitWithOneClassLeavesSamplesUnscoredWithTheReason() {
        JudgeResult result =
                judge.judge(new JudgeRequest(concept(TOXIC, List.of()), null, "You are a worthless idiot."));

        assertThat(result.isScored()).isFalse();
        assertThat(result.unscoredReason()).contains("judge split", "cannot train");
    }

    private static JudgeConcept concept(List<String> positives, List<String> negatives) {
        List<LabelledExample> split = new ArrayList<>();
        positives.forEach(t -> split.add(new LabelledExample(null, t, 1)));
        negatives.forEach(t -> split.add(new LabelledExample(null, t, 0)));
        return new JudgeConcept("toxicity", "hash-" + positives.size() + "-" + negatives.size(), "Toxic text.", split);
    }
}
