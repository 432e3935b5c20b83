package ai.steersynth.ml.classify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal and Wright, Algorithm 7.4): the two-loop recursion applies an inverse-Hessian
 * estimate built from the last {@value #MEMORY} steps s = theta' - theta and gradient changes y = g' - g.
 */
final class LbfgsSolver {

    static final int MEMORY = 10;

    private LbfgsSolver() {}

    static OptimisationResult minimise(LogisticObjective f, int maxIterations, double tolerance) {
        int m = f.dimension();
        double[] theta = new double[m];
        double[] gradient = new double[m];
        double[] next = new double[m];
        double[] nextGradient = new double[m];
        double value = f.valueAndGradient(theta, gradient);
        Deque<double[][]> history = new ArrayDeque<>(); // newest first; each entry {s, y, {1 / y.s}}
        int iteration = 0;
        while (iteration < maxIterations && LineSearch.maxAbs(gradient) >= tolerance) {
            double[] direction = twoLoop(gradient, history);
            if (LineSearch.dot(direction, gradient) >= 0) {
                // Not a descent direction (can only happen through rounding): restart from steepest descent.
                history.clear();
                direction = twoLoop(gradient, history);
            }
            double nextValue = LineSearch.step(f, theta, value, gradient, direction, next, nextGradient);
            if (Double.isNaN(nextValue)) {
                break;
            }
            iteration++;
            double[] s = new double[m];
            double[] y = new double[m];
            for (int j = 0; j < m; j++) {
                s[j] = next[j] - theta[j];
                y[j] = nextGradient[j] - gradient[j];
            }
            double ys = LineSearch.dot(y, s);
            // Keep only pairs with positive curvature so the estimate stays positive definite.
            if (ys > 1e-16 * LineSearch.dot(y, y)) {
                history.addFirst(new double[][] {s, y, {1.0 / ys}});
                if (history.size() > MEMORY) {
                    history.removeLast();
                }
            }
            value = nextValue;
            System.arraycopy(next, 0, theta, 0, m);
            System.arraycopy(nextGradient, 0, gradient, 0, m);
        }
        double size = LineSearch.maxAbs(gradient);
        return new OptimisationResult(theta, iteration, size < tolerance, size, value);
    }

    /** -H_k g by the two-loop recursion; without history, a steepest-descent step scaled to length at most 1. */
    private static double[] twoLoop(double[] gradient, Deque<double[][]> history) {
        int m = gradient.length;
        double[] q = gradient.clone();
        if (history.isEmpty()) {
            double scale = 1.0 / Math.max(1.0, Math.sqrt(LineSearch.dot(q, q)));
            for (int j = 0; j < m; j++) {
                q[j] = -scale * q[j];
            }
            return q;
        }
        double[] alphas = new double[history.size()];
        int k = 0;
        for (double[][] pair : history) {
            double alpha = pair[2][0] * LineSearch.dot(pair[0], q);
            alphas[k++] = alpha;
            axpy(-alpha, pair[1], q);
        }
        // Initial inverse Hessian gamma I with gamma = s.y / y.y from the newest pair.
        double[][] newest = history.peekFirst();
        double gamma = 1.0 / (newest[2][0] * LineSearch.dot(newest[1], newest[1]));
        for (int j = 0; j < m; j++) {
            q[j] *= gamma;
        }
        Iterator<double[][]> oldestFirst = history.descendingIterator();
        k = history.size() - 1;
        while (oldestFirst.hasNext()) {
            double[][] pair = oldestFirst.next();
            double beta = pair[2][0] * LineSearch.dot(pair[1], q);
            axpy(alphas[k--] - beta, pair[0], q);
        }
        for (int j = 0; j < m; j++) {
            q[j] = -q[j];
        }
        return q;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }
}
