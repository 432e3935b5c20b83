package ai.steersynth.contracts.result;

/**
 * A judge's scores of one sample, both rescaled to [0, 1].
 *
 * @param sampleId the judged sample
 * @param success how clearly the sample expresses the concept
 * @param coherence how fluent, on-topic and non-degenerate it is
 * @param judgeId which judge (backend and model)
 * @param rubricVersion the rubric template version
 * @param rawOutput the judge's raw answer, kept for audit
 */
public record Judgement(
        String sampleId, double success, double coherence, String judgeId, String rubricVersion, String rawOutput) {}
