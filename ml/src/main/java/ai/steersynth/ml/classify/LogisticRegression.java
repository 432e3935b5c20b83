package ai.steersynth.ml.classify;

import java.util.Objects;

/**
 * A fitted binary L2-regularised logistic regression, {@code P(y = 1 | x) = sigmoid(w.x + b)}, in raw feature
 * space (when the fit standardised features, the weights have been mapped back). Immutable and thread-safe.
 *
 * <p>Fitting is deterministic: both solvers start from zero and involve no randomness.
 */
public final class LogisticRegression {

    /** {@link Solver#AUTO} uses Newton's method up to this many features. */
    public static final int NEWTON_MAX_FEATURES = 1024;

    private final double[] weights;
    private final double bias;
    private final LogisticRegressionOptions options;
    private final FitDiagnostics diagnostics;

    private LogisticRegression(
            double[] weights, double bias, LogisticRegressionOptions options, FitDiagnostics diagnostics) {
        this.weights = weights;
        this.bias = bias;
        this.options = options;
        this.diagnostics = diagnostics;
    }

    /**
     * Fits by minimising {@code C sum_i logloss_i + ||w||^2 / 2} (bias unpenalised).
     *
     * @param features n rows of d finite values, n at least 2, every row the same length
     * @param labels n labels, each 0 or 1, both present
     * @param options C, standardisation, solver and stopping rule
     * @throws IllegalArgumentException on malformed input or a single class
     */
    public static LogisticRegression fit(double[][] features, int[] labels, LogisticRegressionOptions options) {
        Objects.requireNonNull(options, "options");
        int d = checkData(features, labels);
        Standardiser standardiser = options.standardise() ? Standardiser.fittedTo(features) : Standardiser.identity(d);
        double[][] x = standardiser.apply(features);
        double[] y = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            y[i] = labels[i];
        }
        LogisticObjective objective = new LogisticObjective(x, y, options.c());
        Solver solver = options.solver() == Solver.AUTO
                ? (d <= NEWTON_MAX_FEATURES ? Solver.NEWTON : Solver.LBFGS)
                : options.solver();
        OptimisationResult result = solver == Solver.NEWTON
                ? NewtonSolver.minimise(objective, options.maxIterations(), options.gradientTolerance())
                : LbfgsSolver.minimise(objective, options.maxIterations(), options.gradientTolerance());
        double[] theta = result.theta();
        double[] standardisedWeights = java.util.Arrays.copyOf(theta, d);
        FitDiagnostics diagnostics = new FitDiagnostics(
                solver, result.iterations(), result.converged(), result.maxAbsGradient(), result.objective());
        return new LogisticRegression(
                standardiser.rawWeights(standardisedWeights),
                standardiser.rawBias(standardisedWeights, theta[d]),
                options,
                diagnostics);
    }

    /** {@link #fit(double[][], int[], LogisticRegressionOptions)} on float features. */
    public static LogisticRegression fit(float[][] features, int[] labels, LogisticRegressionOptions options) {
        return fit(toDouble(features), labels, options);
    }

    /** The weight vector in raw feature space (a copy); its direction separates the classes. */
    public double[] weights() {
        return weights.clone();
    }

    /** The bias (intercept) in raw feature space. */
    public double bias() {
        return bias;
    }

    /** Number of features the model takes. */
    public int featureCount() {
        return weights.length;
    }

    /** The options the model was fitted with. */
    public LogisticRegressionOptions options() {
        return options;
    }

    /** How the fit went. */
    public FitDiagnostics diagnostics() {
        return diagnostics;
    }

    /** The log-odds {@code w.x + b}. */
    public double decisionValue(double[] x) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " features, got " + x.length);
        }
        double z = bias;
        for (int j = 0; j < weights.length; j++) {
            z += weights[j] * x[j];
        }
        return z;
    }

    /** {@code P(y = 1 | x)}. */
    public double predictProbability(double[] x) {
        return LogisticObjective.sigmoid(decisionValue(x));
    }

    /** {@code P(y = 1 | x)} for a float row. */
    public double predictProbability(float[] x) {
        return predictProbability(toDouble(x));
    }

    /** {@code P(y = 1 | x)} for each row. */
    public double[] predictProbabilities(double[][] rows) {
        double[] p = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            p[i] = predictProbability(rows[i]);
        }
        return p;
    }

    /** {@code P(y = 1 | x)} for each float row. */
    public double[] predictProbabilities(float[][] rows) {
        return predictProbabilities(toDouble(rows));
    }

    static double[][] toDouble(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = toDouble(rows[i]);
        }
        return out;
    }

    private static double[] toDouble(float[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = row[j];
        }
        return out;
    }

    /** Validates shapes, values and labels; returns the feature count. */
    static int checkData(double[][] features, int[] labels) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
        if (features.length < 2) {
            throw new IllegalArgumentException("need at least 2 examples, got " + features.length);
        }
        int d = features[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("need at least one feature");
        }
        int positives = 0;
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + features[i].length + " features, not " + d);
            }
            for (double v : features[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + i + " has a non-finite feature");
                }
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1, got " + labels[i] + " at " + i);
            }
            positives += labels[i];
        }
        if (positives == 0 || positives == labels.length) {
            throw new IllegalArgumentException(
                    "both classes must be present; got " + positives + " positives of " + labels.length);
        }
        return d;
    }
}
