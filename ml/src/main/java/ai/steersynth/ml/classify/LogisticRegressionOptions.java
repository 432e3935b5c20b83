package ai.steersynth.ml.classify;

/**
 * Settings of one logistic-regression fit.
 *
 * <p>The objective is scikit-learn's: minimise {@code C * sum_i logloss_i + ||w||^2 / 2}; the bias is not
 * penalised. With {@code standardise} the penalty applies to the weights of the standardised features (each
 * column centred and divided by its population standard deviation), and the fitted model is mapped back so it
 * takes raw features.
 *
 * @param c inverse regularisation strength, finite and positive; larger means weaker regularisation
 * @param standardise whether to standardise features before fitting
 * @param solver the optimiser
 * @param maxIterations the most optimiser steps
 * @param gradientTolerance stop once every component of the gradient of the per-example objective ({@code
 *     mean logloss + ||w||^2 / (2 C n)}) is below this in absolute value
 */
public record LogisticRegressionOptions(
        double c, boolean standardise, Solver solver, int maxIterations, double gradientTolerance) {

    public LogisticRegressionOptions {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("C must be finite and positive, got " + c);
        }
        if (solver == null) {
            throw new IllegalArgumentException("solver is required");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        if (!(gradientTolerance > 0)) {
            throw new IllegalArgumentException("gradientTolerance must be positive, got " + gradientTolerance);
        }
    }

    /** C = 1, no standardisation, automatic solver, 1000 steps, gradient tolerance 1e-10. */
    public static LogisticRegressionOptions defaults() {
        return new LogisticRegressionOptions(1.0, false, Solver.AUTO, 1000, 1e-10);
    }

    /** These options with another C. */
    public LogisticRegressionOptions withC(double newC) {
        return new LogisticRegressionOptions(newC, standardise, solver, maxIterations, gradientTolerance);
    }

    /** These options with standardisation switched on or off. */
    public LogisticRegressionOptions withStandardise(boolean newStandardise) {
        return new LogisticRegressionOptions(c, newStandardise, solver, maxIterations, gradientTolerance);
    }

    /** These options with another solver. */
    public LogisticRegressionOptions withSolver(Solver newSolver) {
        return new LogisticRegressionOptions(c, standardise, newSolver, maxIterations, gradientTolerance);
    }
}
