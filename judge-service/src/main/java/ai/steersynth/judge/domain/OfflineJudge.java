package ai.steersynth.judge.domain;

import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.judge.domain.TextLikelihoods.TextLikelihood;
import ai.steersynth.ml.embedding.SentenceEmbedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The judge for machines without a judge endpoint. Success is P(violating) from a {@link
 * ConceptClassifier} trained on the pack's judge split (disjoint from the detector's train and test
 * splits); one classifier per pack content hash is trained on first use and kept. Coherence is {@link
 * LikelihoodCoherence} (the generating model's calibrated likelihood times {@link RepetitionCoherence})
 * when the request names a model this service can load, and {@link RepetitionCoherence} alone otherwise;
 * the two recipes carry different rubric versions and the raw output names the method used.
 */
public final class OfflineJudge implements Judge {

    /** The judge id. */
    public static final String ID = "offline";

    /** Recipe: MiniLM + validated logistic regression, and repetition-only coherence. */
    public static final String RUBRIC_VERSION = "offline-v2+" + RepetitionCoherence.NAME;

    /** Recipe: MiniLM + validated logistic regression, and likelihood-and-repetition coherence. */
    public static final String LIKELIHOOD_RUBRIC_VERSION = "offline-v2+" + LikelihoodCoherence.NAME;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SentenceEmbedder embedder;
    private final long seed;
    private final TextLikelihoods likelihoods;
    private final Map<String, Trained> classifiers = new ConcurrentHashMap<>();

    /** A judge whose coherence is repetition-only (no language model). */
    public OfflineJudge(SentenceEmbedder embedder, long seed) {
        this(embedder, seed, TextLikelihoods.NONE);
    }

    /**
     * @param embedder the shared sentence embedder
     * @param seed seed of the classifier's validation split
     * @param likelihoods the generating models' likelihoods, for coherence
     */
    public OfflineJudge(SentenceEmbedder embedder, long seed, TextLikelihoods likelihoods) {
        this.embedder = embedder;
        this.seed = seed;
        this.likelihoods = likelihoods;
    }

    @Override
    public String judgeId() {
        return ID;
    }

    /** The repetition-only recipe, which every request can be scored with (validity reads only success). */
    @Override
    public String rubricVersion() {
        return RUBRIC_VERSION;
    }

    @Override
    public String rubricVersion(JudgeRequest request) {
        return scoresLikelihood(request.model()) ? LIKELIHOOD_RUBRIC_VERSION : RUBRIC_VERSION;
    }

    @Override
    public JudgeResult judge(JudgeRequest request) {
        return judgeAll(List.of(request)).get(0);
    }

    @Override
    public List<JudgeResult> judgeAll(List<JudgeRequest> requests) {
        List<JudgeResult> results = new ArrayList<>(requests.size());
        // Requests are grouped per concept in practice; score each run of one concept in one batch.
        int start = 0;
        while (start < requests.size()) {
            JudgeConcept concept = requests.get(start).concept();
            int end = start;
            while (end < requests.size()
                    && requests.get(end).concept().contentHash().equals(concept.contentHash())) {
                end++;
            }
            results.addAll(judgeBatch(concept, requests.subList(start, end)));
            start = end;
        }
        return results;
    }

    private List<JudgeResult> judgeBatch(JudgeConcept concept, List<JudgeRequest> batch) {
        Trained trained = classifiers.computeIfAbsent(concept.contentHash(), hash -> train(concept));
        List<JudgeResult> results = new ArrayList<>(batch.size());
        if (trained.classifier() == null) {
            batch.forEach(r -> results.add(JudgeResult.unscored(trained.failure(), "", 1)));
            return results;
        }
        List<String> prompts = batch.stream().map(JudgeRequest::prompt).toList();
        List<String> texts = batch.stream().map(JudgeRequest::text).toList();
        double[] probabilities = trained.classifier().probabilities(prompts, texts);
        TextLikelihood[] likelihood = likelihoodsOf(batch);
        for (int i = 0; i < batch.size(); i++) {
            JudgeRequest request = batch.get(i);
            RepetitionCoherence.Breakdown repetition = RepetitionCoherence.score(texts.get(i));
            ObjectNode raw = JSON.createObjectNode();
            raw.set("success", successJson(trained, probabilities[i]));
            double coherence;
            if (likelihood[i] != null) {
                LikelihoodCoherence.Breakdown c =
                        LikelihoodCoherence.score(likelihood[i].meanNegativeLogLikelihood(), repetition);
                coherence = c.coherence();
                raw.set("coherence", likelihoodJson(c, likelihood[i], request.model()));
            } else {
                coherence = repetition.coherence();
                ObjectNode json = repetitionJson(repetition);
                json.put("method", RepetitionCoherence.NAME);
                json.put("score", repetition.coherence());
                json.put("likelihood", likelihoodUnavailable(request.model()));
                raw.set("coherence", json);
            }
            results.add(JudgeResult.scored(probabilities[i], coherence, raw.toString(), 1));
        }
        return results;
    }

    /** Each request's likelihood under its generating model, or null where none can be computed. */
    private TextLikelihood[] likelihoodsOf(List<JudgeRequest> batch) {
        TextLikelihood[] out = new TextLikelihood[batch.size()];
        Map<ModelSource, List<Integer>> byModel = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (scoresLikelihood(batch.get(i).model())) {
                byModel.computeIfAbsent(batch.get(i).model(), m -> new ArrayList<>())
                        .add(i);
            }
        }
        byModel.forEach((model, indices) -> {
            List<TextLikelihood> scored =
                    likelihoods.score(model, indices.stream().map(batch::get).toList());
            for (int k = 0; k < indices.size(); k++) {
                out[indices.get(k)] = scored.get(k);
            }
        });
        return out;
    }

    private boolean scoresLikelihood(ModelSource model) {
        return model != null && likelihoods.unavailableReason(model).isEmpty();
    }

    private String likelihoodUnavailable(ModelSource model) {
        return model == null
                ? "not computed: the sample names no generating model"
                : "not computed: " + likelihoods.unavailableReason(model).orElse("unknown");
    }

    private Trained train(JudgeConcept concept) {
        try {
            return new Trained(ConceptClassifier.train(embedder, concept.judgeSplit(), seed), null);
        } catch (IllegalArgumentException e) {
            return new Trained(
                    null,
                    "the judge split of pack '" + concept.id() + "' cannot train the offline judge: " + e.getMessage());
        }
    }

    private static ObjectNode successJson(Trained trained, double probability) {
        ObjectNode json = JSON.createObjectNode();
        json.put("classifier", "minilm-logreg");
        json.put("probability", probability);
        json.put("c", trained.classifier().chosenC());
        json.put("trainedOn", trained.classifier().trainingSize());
        return json;
    }

    private static ObjectNode likelihoodJson(
            LikelihoodCoherence.Breakdown c, TextLikelihood likelihood, ModelSource model) {
        ObjectNode json = JSON.createObjectNode();
        json.put("method", LikelihoodCoherence.NAME);
        json.put("score", c.coherence());
        json.put("fluency", c.fluency());
        json.put("meanNll", c.meanNegativeLogLikelihood());
        json.put("tokens", likelihood.tokens());
        json.put("conditioning", likelihood.conditioning());
        json.put("model", model.asText());
        ObjectNode calibration = json.putObject("calibration");
        calibration.put("midpoint", LikelihoodCoherence.MIDPOINT);
        calibration.put("scale", LikelihoodCoherence.SCALE);
        ObjectNode repetition = repetitionJson(c.repetition());
        repetition.put("score", c.repetition().coherence());
        json.set("repetition", repetition);
        return json;
    }

    private static ObjectNode repetitionJson(RepetitionCoherence.Breakdown r) {
        ObjectNode json = JSON.createObjectNode();
        json.put("trigramDiversity", r.trigramDiversity());
        json.put("lexicalDiversity", r.lexicalDiversity());
        json.put("letterShare", r.letterShare());
        json.put("lengthFactor", r.lengthFactor());
        return json;
    }

    /** A trained classifier, or why there is none (kept, so a bad pack is not retrained per sample). */
    private record Trained(ConceptClassifier classifier, String failure) {}
}
