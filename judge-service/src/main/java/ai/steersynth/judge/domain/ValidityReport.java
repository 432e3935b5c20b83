package ai.steersynth.judge.domain;

import java.time.Instant;

/**
 * How well a judge's success score separates a pack's real test split: AUROC against the gold labels.
 *
 * @param judgeId the judge
 * @param rubricVersion its rubric version
 * @param conceptId the pack
 * @param packContentHash the pack content the report was computed on
 * @param auroc AUROC of the success score (label 1 = violating); null when a class had no scored example
 * @param positives scored violating examples
 * @param negatives scored non-violating examples
 * @param unscored test examples the judge could not score (left out of the AUROC)
 * @param threshold the AUROC below which the judge is flagged invalid
 * @param valid whether {@code auroc >= threshold}
 * @param computedAt when it was computed
 */
public record ValidityReport(
        String judgeId,
        String rubricVersion,
        String conceptId,
        String packContentHash,
        Double auroc,
        int positives,
        int negatives,
        int unscored,
        double threshold,
        boolean valid,
        Instant computedAt) {}
