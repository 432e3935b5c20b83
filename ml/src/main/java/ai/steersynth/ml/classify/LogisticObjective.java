package ai.steersynth.ml.classify;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The per-example L2-regularised logistic loss over parameters {@code theta = (w_1..w_d, b)}:
 *
 * <pre>
 *   F(theta) = (1/n) sum_i [ softplus(z_i) - y_i z_i ] + (lambda/2) ||w||^2,   z_i = w.x_i + b,
 *   lambda   = 1 / (C n)
 * </pre>
 *
 * which has the same minimiser as scikit-learn's {@code C sum_i logloss_i + ||w||^2/2} but stays of order one
 * whatever n is, so tolerances mean the same for every data set size. The bias is not penalised.
 */
final class LogisticObjective {

    private final double[][] x;
    private final double[] y;
    private final int n;
    private final int d;
    private final double lambda;

    LogisticObjective(double[][] x, double[] y, double c) {
        this.x = x;
        this.y = y;
        this.n = x.length;
        this.d = x[0].length;
        this.lambda = 1.0 / (c * n);
    }

    /** Number of parameters: the weights and the bias. */
    int dimension() {
        return d + 1;
    }

    double value(double[] theta) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double z = margin(theta, i);
            loss += softplus(z) - y[i] * z;
        }
        return loss / n + 0.5 * lambda * squaredWeightNorm(theta);
    }

    /** Writes the gradient into {@code gradient} and returns the value. */
    double valueAndGradient(double[] theta, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double z = margin(theta, i);
            loss += softplus(z) - y[i] * z;
            // dF/dz_i = sigmoid(z_i) - y_i; the chain rule through z_i = w.x_i + b.
            double residual = sigmoid(z) - y[i];
            double[] row = x[i];
            for (int j = 0; j < d; j++) {
                gradient[j] += residual * row[j];
            }
            gradient[d] += residual;
        }
        for (int j = 0; j <= d; j++) {
            gradient[j] /= n;
        }
        for (int j = 0; j < d; j++) {
            gradient[j] += lambda * theta[j];
        }
        return loss / n + 0.5 * lambda * squaredWeightNorm(theta);
    }

    /**
     * The Hessian {@code (1/n) A^T S A + lambda diag(1,..,1,0)}, where A is x with a column of ones appended
     * and S = diag(p_i (1 - p_i)).
     */
    DMatrixRMaj hessian(double[] theta) {
        DMatrixRMaj scaled = new DMatrixRMaj(n, d + 1);
        for (int i = 0; i < n; i++) {
            double p = sigmoid(margin(theta, i));
            // Each row scaled by sqrt(p(1-p)/n) so that scaled^T scaled is the data term.
            double s = Math.sqrt(p * (1 - p) / n);
            double[] row = x[i];
            for (int j = 0; j < d; j++) {
                scaled.unsafe_set(i, j, s * row[j]);
            }
            scaled.unsafe_set(i, d, s);
        }
        DMatrixRMaj h = new DMatrixRMaj(d + 1, d + 1);
        CommonOps_DDRM.multTransA(scaled, scaled, h);
        for (int j = 0; j < d; j++) {
            h.unsafe_set(j, j, h.unsafe_get(j, j) + lambda);
        }
        return h;
    }

    private double margin(double[] theta, int i) {
        double[] row = x[i];
        double z = theta[d];
        for (int j = 0; j < d; j++) {
            z += theta[j] * row[j];
        }
        return z;
    }

    private double squaredWeightNorm(double[] theta) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += theta[j] * theta[j];
        }
        return s;
    }

    /** log(1 + e^z) without overflow for large |z|. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** 1 / (1 + e^-z), evaluated on the side that cannot overflow. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
