package ai.steersynth.ml.classify;

/**
 * Per-column centring and scaling, z = (x - mean) / sd with the population sd, and the map of a linear
 * model on z back to raw x: {@code w.z + b = (w/sd).x + (b - sum_j w_j mean_j / sd_j)}.
 */
final class Standardiser {

    private final double[] mean;
    private final double[] scale;

    private Standardiser(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    static Standardiser identity(int d) {
        double[] ones = new double[d];
        java.util.Arrays.fill(ones, 1.0);
        return new Standardiser(new double[d], ones);
    }

    static Standardiser fittedTo(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                double c = row[j] - mean[j];
                scale[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / n);
            // A constant column carries no information; leave it unscaled (as scikit-learn's StandardScaler).
            scale[j] = sd > 1e-12 * (1 + Math.abs(mean[j])) ? sd : 1.0;
        }
        return new Standardiser(mean, scale);
    }

    double[][] apply(double[][] x) {
        double[][] z = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            double[] out = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                out[j] = (row[j] - mean[j]) / scale[j];
            }
            z[i] = out;
        }
        return z;
    }

    double[] rawWeights(double[] standardisedWeights) {
        double[] w = new double[standardisedWeights.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = standardisedWeights[j] / scale[j];
        }
        return w;
    }

    double rawBias(double[] standardisedWeights, double standardisedBias) {
        double b = standardisedBias;
        for (int j = 0; j < standardisedWeights.length; j++) {
            b -= standardisedWeights[j] * mean[j] / scale[j];
        }
        return b;
    }
}
