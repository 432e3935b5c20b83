package ai.steersynth.ml.classify;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Damped Newton's method: solve H p = -g by Cholesky, then backtrack along p. */
final class NewtonSolver {

    private NewtonSolver() {}

    static OptimisationResult minimise(LogisticObjective f, int maxIterations, double tolerance) {
        int m = f.dimension();
        double[] theta = new double[m];
        double[] gradient = new double[m];
        double[] next = new double[m];
        double[] nextGradient = new double[m];
        double value = f.valueAndGradient(theta, gradient);
        int iteration = 0;
        while (iteration < maxIterations && LineSearch.maxAbs(gradient) >= tolerance) {
            double[] direction = newtonDirection(f.hessian(theta), gradient);
            double nextValue = LineSearch.step(f, theta, value, gradient, direction, next, nextGradient);
            if (Double.isNaN(nextValue)) {
                break;
            }
            iteration++;
            value = nextValue;
            System.arraycopy(next, 0, theta, 0, m);
            System.arraycopy(nextGradient, 0, gradient, 0, m);
        }
        double size = LineSearch.maxAbs(gradient);
        return new OptimisationResult(theta, iteration, size < tolerance, size, value);
    }

    /**
     * -H^-1 g. H is positive definite in the weights (the penalty) but the bias row can lose definiteness
     * numerically when every p_i saturates; a growing ridge then keeps the solve possible.
     */
    private static double[] newtonDirection(DMatrixRMaj hessian, double[] gradient) {
        int m = gradient.length;
        DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
        for (int j = 0; j < m; j++) {
            rhs.unsafe_set(j, 0, -gradient[j]);
        }
        DMatrixRMaj solution = new DMatrixRMaj(m, 1);
        double ridge = 0;
        for (int attempt = 0; attempt < 20; attempt++) {
            DMatrixRMaj h = hessian.copy();
            for (int j = 0; j < m; j++) {
                h.unsafe_set(j, j, h.unsafe_get(j, j) + ridge);
            }
            LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(m);
            if (cholesky.setA(h)) {
                cholesky.solve(rhs, solution);
                double[] direction = solution.getData().clone();
                if (isFinite(direction)) {
                    return direction;
                }
            }
            ridge = ridge == 0 ? 1e-12 : ridge * 10;
        }
        // Steepest descent as the last resort; the line search still guarantees progress.
        double[] direction = new double[m];
        for (int j = 0; j < m; j++) {
            direction[j] = -gradient[j];
        }
        return direction;
    }

    private static boolean isFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }
}
