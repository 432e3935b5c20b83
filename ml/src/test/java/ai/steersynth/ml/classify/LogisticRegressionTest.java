package ai.steersynth.ml.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    @Test
    void theFitSatisfiesTheOptimalityConditionOfTheRegularisedLoss() {
        Data data = data(120, new double[] {1.0, -2.0, 0.5}, 0.4, 1);
        double c = 0.7;

        LogisticRegression model = LogisticRegression.fit(data.x, data.y, options(c, Solver.NEWTON));

        // d/dw [C sum logloss + |w|^2/2] = C sum (p_i - y_i) x_i + w = 0, and d/db = C sum (p_i - y_i) = 0.
        double[] w = model.weights();
        double[] stationarity = w.clone();
        double biasGradient = 0;
        for (int i = 0; i < data.y.length; i++) {
            double residual = model.predictProbability(data.x[i]) - data.y[i];
            for (int j = 0; j < w.length; j++) {
                stationarity[j] += c * residual * data.x[i][j];
            }
            biasGradient += c * residual;
        }
        assertThat(stationarity).containsExactly(new double[w.length], within(1e-7));
        assertThat(biasGradient).isCloseTo(0.0, within(1e-7));
    }

    @Test
    void newtonAndLbfgsReachTheSameModel() {
        Data data = data(200, new double[] {0.8, 0.0, -1.5, 2.0, 0.3}, -0.5, 2);

        LogisticRegression newton = LogisticRegression.fit(data.x, data.y, options(3.0, Solver.NEWTON));
        LogisticRegression lbfgs = LogisticRegression.fit(data.x, data.y, options(3.0, Solver.LBFGS));

        assertThat(lbfgs.weights()).containsExactly(newton.weights(), within(1e-7));
        assertThat(lbfgs.bias()).isCloseTo(newton.bias(), within(1e-7));
        assertThat(newton.diagnostics().solver()).isEqualTo(Solver.NEWTON);
        assertThat(lbfgs.diagnostics().solver()).isEqualTo(Solver.LBFGS);
    }

    @Test
    void strongerRegularisationShrinksTheWeights() {
        Data data = data(150, new double[] {2.0, -1.0}, 0.0, 3);

        double weak = norm(LogisticRegression.fit(data.x, data.y, options(100, Solver.AUTO))
                .weights());
        double strong = norm(LogisticRegression.fit(data.x, data.y, options(0.01, Solver.AUTO))
                .weights());

        assertThat(strong).isLessThan(weak / 5);
    }

    @Test
    void separableDataIsClassifiedPerfectlyWithFiniteWeights() {
        double[][] x = {{-2, -1}, {-1, -2}, {-1.5, -0.5}, {1, 2}, {2, 1}, {0.5, 1.5}};
        int[] y = {0, 0, 0, 1, 1, 1};

        LogisticRegression model = LogisticRegression.fit(x, y, options(1e4, Solver.AUTO));

        assertThat(model.diagnostics().converged()).isTrue();
        for (double w : model.weights()) {
            assertThat(w).isFinite().isPositive();
        }
        for (int i = 0; i < y.length; i++) {
            assertThat(model.predictProbability(x[i]) > 0.5).isEqualTo(y[i] == 1);
        }
    }

    @Test
    void withStandardisationRescalingAFeatureDoesNotChangePredictions() {
        Data data = data(100, new double[] {1.0, -1.0, 0.5}, 0.2, 4);
        double[][] rescaled = new double[data.x.length][];
        for (int i = 0; i < rescaled.length; i++) {
            rescaled[i] = new double[] {1000 * data.x[i][0] + 5, data.x[i][1] / 50, data.x[i][2] - 3};
        }
        LogisticRegressionOptions standardised = options(0.3, Solver.NEWTON).withStandardise(true);

        LogisticRegression original = LogisticRegression.fit(data.x, data.y, standardised);
        LogisticRegression onRescaled = LogisticRegression.fit(rescaled, data.y, standardised);

        assertThat(onRescaled.predictProbabilities(rescaled))
                .containsExactly(original.predictProbabilities(data.x), within(1e-9));
        assertThat(onRescaled.weights()[0]).isCloseTo(original.weights()[0] / 1000, within(1e-9));
    }

    @Test
    void aConstantColumnGetsNoWeightUnderStandardisation() {
        Data data = data(80, new double[] {1.5, 0.0}, 0, 5);
        for (double[] row : data.x) {
            row[1] = 4.0;
        }

        LogisticRegression model =
                LogisticRegression.fit(data.x, data.y, options(1, Solver.NEWTON).withStandardise(true));

        assertThat(model.weights()[1]).isEqualTo(0.0);
        assertThat(model.weights()[0]).isPositive();
    }

    @Test
    void wideFeaturesUseLbfgsAutomaticallyAndStillConverge() {
        int d = LogisticRegression.NEWTON_MAX_FEATURES + 1;
        double[] truth = new double[d];
        truth[0] = 2;
        truth[d - 1] = -2;
        Data data = data(60, truth, 0, 6);

        LogisticRegression model = LogisticRegression.fit(data.x, data.y, options(0.1, Solver.AUTO));

        assertThat(model.diagnostics().solver()).isEqualTo(Solver.LBFGS);
        assertThat(model.diagnostics().converged()).isTrue();
        assertThat(model.featureCount()).isEqualTo(d);
    }

    @Test
    void fittingIsDeterministicAndFloatInputMatchesDouble() {
        Data data = data(90, new double[] {1, 1}, 0, 7);
        float[][] asFloat = new float[data.x.length][];
        double[][] roundTripped = new double[data.x.length][];
        for (int i = 0; i < asFloat.length; i++) {
            asFloat[i] = new float[] {(float) data.x[i][0], (float) data.x[i][1]};
            roundTripped[i] = new double[] {asFloat[i][0], asFloat[i][1]};
        }

        LogisticRegression a = LogisticRegression.fit(asFloat, data.y, options(1, Solver.AUTO));
        LogisticRegression b = LogisticRegression.fit(roundTripped, data.y, options(1, Solver.AUTO));

        assertThat(a.weights()).containsExactly(b.weights());
        assertThat(a.bias()).isEqualTo(b.bias());
        assertThat(a.predictProbability(asFloat[0])).isEqualTo(b.predictProbability(roundTripped[0]));
    }

    @Test
    void theWeightsAreACopy() {
        Data data = data(40, new double[] {1}, 0, 8);
        LogisticRegression model = LogisticRegression.fit(data.x, data.y, options(1, Solver.AUTO));

        model.weights()[0] = 99;

        assertThat(model.weights()[0]).isNotEqualTo(99);
    }

    @Test
    void badInputIsRejected() {
        LogisticRegressionOptions o = options(1, Solver.AUTO);
        assertThatThrownBy(() -> LogisticRegression.fit(new double[][] {{1}, {2}}, new int[] {1, 1}, o))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both classes");
        assertThatThrownBy(() -> LogisticRegression.fit(new double[][] {{1}, {2, 3}}, new int[] {0, 1}, o))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogisticRegression.fit(new double[][] {{1}, {Double.NaN}}, new int[] {0, 1}, o))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withC(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withC(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    private static LogisticRegressionOptions options(double c, Solver solver) {
        return LogisticRegressionOptions.defaults().withC(c).withSolver(solver);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    record Data(double[][] x, int[] y) {}

    /** Gaussian features, labels drawn from the logistic model with the given weights and bias. */
    static Data data(int n, double[] weights, double bias, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][weights.length];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double z = bias;
            for (int j = 0; j < weights.length; j++) {
                x[i][j] = random.nextGaussian();
                z += weights[j] * x[i][j];
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        // Both classes, whatever the draw.
        y[0] = 0;
        y[1] = 1;
        return new Data(x, y);
    }
}
