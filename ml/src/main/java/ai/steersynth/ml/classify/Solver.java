package ai.steersynth.ml.classify;

/** How {@link LogisticRegression#fit} minimises the regularised log-loss. */
public enum Solver {
    /**
     * Newton's method with a backtracking line search: a dense (d+1)x(d+1) Cholesky solve per step, quadratic
     * convergence; the right choice up to about a thousand features.
     */
    NEWTON,
    /** Limited-memory BFGS (10 pairs) with a backtracking line search: O(n d) per step, for wide features. */
    LBFGS,
    /** {@link #NEWTON} up to {@link LogisticRegression#NEWTON_MAX_FEATURES} features, else {@link #LBFGS}. */
    AUTO
}
