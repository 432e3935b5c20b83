package ai.steersynth.contracts.sweep;

/** How a steering vector is computed from contrastive activations (ARCHITECTURE §2). */
public enum SteeringMethod {
    /** CAA / DiffMean: mean of paired differences. */
    MEAN_DIFFERENCE,
    /** RepE: first principal component of paired differences, sign aligned with the mean difference. */
    PCA,
    /** Weight direction of an L2 logistic regression separating positive from negative activations. */
    LINEAR_PROBE,
    /** One prompt pair's activation difference, injected at the prompt's first positions. */
    ACTADD
}
