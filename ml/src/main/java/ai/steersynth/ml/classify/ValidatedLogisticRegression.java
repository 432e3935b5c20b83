package ai.steersynth.ml.classify;

import ai.steersynth.ml.evaluate.Auroc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Logistic regression with C chosen on a held-out validation part: a seeded stratified split, one fit per
 * candidate C on the rest, the candidate with the best validation AUROC (ties: lower validation log-loss,
 * then the smaller C, i.e. the stronger regularisation), and a final refit with that C on all the data.
 *
 * @param cGrid candidate values of C, each finite and positive
 * @param validationFraction share of each class held out for validation, in (0, 1)
 * @param baseOptions everything but C (standardisation, solver, stopping rule)
 */
public record ValidatedLogisticRegression(
        List<Double> cGrid, double validationFraction, LogisticRegressionOptions baseOptions) {

    /** C from 10^-3 to 10^2, one value per decade. */
    public static final List<Double> DEFAULT_C_GRID = List.of(0.001, 0.01, 0.1, 1.0, 10.0, 100.0);

    public ValidatedLogisticRegression {
        Objects.requireNonNull(baseOptions, "baseOptions");
        if (cGrid == null || cGrid.isEmpty()) {
            throw new IllegalArgumentException("cGrid must not be empty");
        }
        cGrid = List.copyOf(cGrid);
        for (double c : cGrid) {
            baseOptions.withC(c); // validates c
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1), got " + validationFraction);
        }
    }

    /** The default grid, a quarter held out, standardised features. */
    public static ValidatedLogisticRegression defaults() {
        return new ValidatedLogisticRegression(
                DEFAULT_C_GRID, 0.25, LogisticRegressionOptions.defaults().withStandardise(true));
    }

    /**
     * Chooses C and fits.
     *
     * @param features n rows of d values
     * @param labels 0/1, each class with at least 2 examples (one to fit, one to validate)
     * @param seed seed of the validation split
     */
    public Result fit(double[][] features, int[] labels, long seed) {
        LogisticRegression.checkData(features, labels);
        boolean[] validation = stratifiedHoldOut(labels, validationFraction, seed);
        List<double[]> fitRows = new ArrayList<>();
        List<double[]> validationRows = new ArrayList<>();
        List<Integer> fitLabels = new ArrayList<>();
        List<Integer> validationLabels = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            (validation[i] ? validationRows : fitRows).add(features[i]);
            (validation[i] ? validationLabels : fitLabels).add(labels[i]);
        }
        double[][] fitX = fitRows.toArray(new double[0][]);
        double[][] validationX = validationRows.toArray(new double[0][]);
        int[] fitY = fitLabels.stream().mapToInt(Integer::intValue).toArray();
        int[] validationY =
                validationLabels.stream().mapToInt(Integer::intValue).toArray();

        List<Candidate> candidates = new ArrayList<>();
        Candidate best = null;
        for (double c : cGrid) {
            LogisticRegression model = LogisticRegression.fit(fitX, fitY, baseOptions.withC(c));
            double[] p = model.predictProbabilities(validationX);
            Candidate candidate = new Candidate(c, Auroc.of(p, validationY), logLoss(p, validationY));
            candidates.add(candidate);
            if (best == null || candidate.isBetterThan(best)) {
                best = candidate;
            }
        }
        LogisticRegression model = LogisticRegression.fit(features, labels, baseOptions.withC(best.c()));
        return new Result(model, best.c(), candidates, fitY.length, validationY.length);
    }

    /** {@link #fit(double[][], int[], long)} on float features. */
    public Result fit(float[][] features, int[] labels, long seed) {
        return fit(LogisticRegression.toDouble(features), labels, seed);
    }

    /**
     * Marks round(fraction x class size) examples of each class for validation, at least one and at most all
     * but one, chosen by a seeded shuffle of that class's indices.
     */
    static boolean[] stratifiedHoldOut(int[] labels, double fraction, long seed) {
        Random random = new Random(seed);
        boolean[] held = new boolean[labels.length];
        for (int label = 0; label <= 1; label++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == label) {
                    members.add(i);
                }
            }
            if (members.size() < 2) {
                throw new IllegalArgumentException(
                        "class " + label + " has " + members.size() + " examples; validation needs at least 2");
            }
            Collections.shuffle(members, random);
            int count = (int) Math.max(1, Math.min(members.size() - 1, Math.round(fraction * members.size())));
            for (int k = 0; k < count; k++) {
                held[members.get(k)] = true;
            }
        }
        return held;
    }

    private static double logLoss(double[] p, int[] y) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            // Clipped as scikit-learn does so a saturated wrong prediction costs a lot but not infinity.
            double q = Math.min(Math.max(y[i] == 1 ? p[i] : 1 - p[i], 1e-15), 1.0);
            sum -= Math.log(q);
        }
        return sum / p.length;
    }

    /**
     * One C on the validation part.
     *
     * @param c the candidate
     * @param validationAuroc AUROC of its fit on the validation part
     * @param validationLogLoss mean log-loss on the validation part
     */
    public record Candidate(double c, double validationAuroc, double validationLogLoss) {

        boolean isBetterThan(Candidate other) {
            if (validationAuroc != other.validationAuroc) {
                return validationAuroc > other.validationAuroc;
            }
            if (validationLogLoss != other.validationLogLoss) {
                return validationLogLoss < other.validationLogLoss;
            }
            return c < other.c;
        }
    }

    /**
     * The outcome.
     *
     * @param model the final model, refitted on all the data with {@code chosenC}
     * @param chosenC the selected C
     * @param candidates every candidate's validation scores, in grid order
     * @param fitSize examples used to fit the candidates
     * @param validationSize examples used to score them
     */
    public record Result(
            LogisticRegression model, double chosenC, List<Candidate> candidates, int fitSize, int validationSize) {

        public Result {
            candidates = List.copyOf(candidates);
        }
    }
}
