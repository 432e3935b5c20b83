package ai.steersynth.sweep.domain;

/**
 * The judge-service's assessment of the sweep's judge on one concept: the AUROC of its success score on
 * the pack's real labelled test split against the gold labels.
 *
 * @param conceptId the concept
 * @param judgeId the judge
 * @param auroc the AUROC, or null when it could not be computed (see reason)
 * @param examples test examples the judge scored
 * @param threshold the AUROC below which the judge is invalid
 * @param valid {@code auroc >= threshold}, or null without an AUROC
 * @param reason why there is no AUROC, or which examples were left unscored; may be null
 */
public record JudgeAssessment(
        String conceptId, String judgeId, Double auroc, int examples, double threshold, Boolean valid, String reason) {}
