package ai.steersynth.judge.domain;

import ai.steersynth.ml.embedding.SentenceEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The judge for machines without a judge endpoint. Success is P(violating) from a {@link
 * ConceptClassifier} trained on the pack's judge split (disjoint from the detector's train and test
 * splits); coherence is {@link RepetitionCoherence}. One classifier per pack content hash is trained on
 * first use and kept.
 */
public final class OfflineJudge implements Judge {

    /** The judge id. */
    public static final String ID = "offline";

    /** Version of the scoring recipe: MiniLM + validated logistic regression, and repetition-coherence. */
    public static final String RUBRIC_VERSION = "offline-v1+" + RepetitionCoherence.NAME;

    private final SentenceEmbedder embedder;
    private final long seed;
    private final Map<String, Trained> classifiers = new ConcurrentHashMap<>();

    /**
     * @param embedder the shared sentence embedder
     * @param seed seed of the classifier's validation split
     */
    public OfflineJudge(SentenceEmbedder embedder, long seed) {
        this.embedder = embedder;
        this.seed = seed;
    }

    @Override
    public String judgeId() {
        return ID;
    }

    @Override
    public String rubricVersion() {
        return RUBRIC_VERSION;
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
        for (int i = 0; i < batch.size(); i++) {
            RepetitionCoherence.Breakdown coherence = RepetitionCoherence.score(texts.get(i));
            results.add(JudgeResult.scored(
                    probabilities[i], coherence.coherence(), raw(trained, probabilities[i], coherence), 1));
        }
        return results;
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

    private static String raw(Trained trained, double probability, RepetitionCoherence.Breakdown c) {
        return String.format(
                Locale.ROOT,
                "{\"success\":{\"classifier\":\"minilm-logreg\",\"probability\":%.6f,\"c\":%s,\"trainedOn\":%d},"
                        + "\"coherence\":{\"method\":\"%s\",\"score\":%.6f,\"trigramDiversity\":%.4f,"
                        + "\"lexicalDiversity\":%.4f,\"letterShare\":%.4f,\"lengthFactor\":%.4f}}",
                probability,
                trained.classifier().chosenC(),
                trained.classifier().trainingSize(),
                RepetitionCoherence.NAME,
                c.coherence(),
                c.trigramDiversity(),
                c.lexicalDiversity(),
                c.letterShare(),
                c.lengthFactor());
    }

    /** A trained classifier, or why there is none (kept, so a bad pack is not retrained per sample). */
    private record Trained(ConceptClassifier classifier, String failure) {}
}
