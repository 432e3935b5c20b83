package ai.steersynth.judge.domain;

import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.ml.evaluate.Auroc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs a judge on a pack's labelled test split and scores its success axis by AUROC. */
public final class JudgeValidation {

    /** A judge whose success AUROC on real test data is below this is flagged invalid. */
    public static final double DEFAULT_THRESHOLD = 0.7;

    private JudgeValidation() {}

    /**
     * @param judge the judge to validate
     * @param concept the concept (its judge split trains the offline judge)
     * @param testSplit the pack's test split, disjoint from the judge split
     * @param threshold the validity threshold
     * @param now the report's timestamp
     */
    public static ValidityReport validate(
            Judge judge, JudgeConcept concept, List<LabelledExample> testSplit, double threshold, Instant now) {
        List<JudgeRequest> requests = new ArrayList<>(testSplit.size());
        for (LabelledExample example : testSplit) {
            requests.add(new JudgeRequest(concept, example.prompt(), example.text()));
        }
        List<JudgeResult> results = judge.judgeAll(requests);
        List<Double> scores = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int unscored = 0;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).isScored()) {
                scores.add(results.get(i).success());
                labels.add(testSplit.get(i).label());
            } else {
                unscored++;
            }
        }
        int positives = (int) labels.stream().filter(l -> l == 1).count();
        int negatives = labels.size() - positives;
        Double auroc = positives == 0 || negatives == 0
                ? null
                : Auroc.of(
                        scores.stream().mapToDouble(Double::doubleValue).toArray(),
                        labels.stream().mapToInt(Integer::intValue).toArray());
        return new ValidityReport(
                judge.judgeId(),
                judge.rubricVersion(),
                concept.id(),
                concept.contentHash(),
                auroc,
                positives,
                negatives,
                unscored,
                threshold,
                auroc != null && auroc >= threshold,
                now);
    }
}
