package ai.steersynth.metrics.domain;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Diversity of a set from its sentence embeddings, both built on cosine similarity: the mean pairwise cosine distance
 * (homogenisation) and the Vendi score (Friedman and Dieng, 2023). Rows are L2-normalised first, so only directions
 * count; a zero, non-finite or ragged embedding is rejected.
 */
public final class EmbeddingDiversity {

    private EmbeddingDiversity() {}

    /**
     * The mean over all pairs i &lt; j of 1 - cos(e_i, e_j), clamped to [0, 1]: 0 when every embedding points the same
     * way, 1 when they are pairwise orthogonal (or, on average, further apart). A set of one has no pair that could be
     * alike and scores 1, as its Vendi score / n does.
     *
     * <p>With unit rows u_i, sum_{i &lt; j} u_i . u_j = (|sum_i u_i|^2 - n) / 2, so the mean takes O(n d) rather than
     * O(n^2 d).
     */
    public static double meanCosineDistance(float[][] embeddings) {
        double[][] unit = unitRows(embeddings);
        int n = unit.length;
        if (n == 1) {
            return 1.0;
        }
        double[] sum = new double[unit[0].length];
        for (double[] row : unit) {
            for (int k = 0; k < row.length; k++) {
                sum[k] += row[k];
            }
        }
        double squaredNorm = 0;
        for (double component : sum) {
            squaredNorm += component * component;
        }
        double meanCosine = (squaredNorm - n) / ((double) n * (n - 1));
        return Scores.clampUnit(1.0 - meanCosine);
    }

    /**
     * The Vendi score exp(-sum_i lambda_i log lambda_i), lambda_i the eigenvalues of K/n with K_ij = cos(e_i, e_j):
     * the effective number of distinct samples, from 1 (all alike) to n (pairwise orthogonal).
     *
     * <p>K = U U^T for the n x d matrix U of unit rows, and U U^T / n has the same non-zero eigenvalues as the d x d
     * matrix U^T U / n, so the eigenproblem is solved on whichever is smaller: 384 x 384 for 1,000 MiniLM embeddings.
     */
    public static double vendiScore(float[][] embeddings) {
        double[][] unit = unitRows(embeddings);
        int n = unit.length;
        int d = unit[0].length;
        DMatrixRMaj u = new DMatrixRMaj(unit);
        DMatrixRMaj gram = n <= d ? new DMatrixRMaj(n, n) : new DMatrixRMaj(d, d);
        if (n <= d) {
            CommonOps_DDRM.multOuter(u, gram); // [n, n] = U U^T = K
        } else {
            CommonOps_DDRM.multInner(u, gram); // [d, d] = U^T U, filling one triangle and mirroring it
        }
        CommonOps_DDRM.scale(1.0 / n, gram);
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(gram.numRows, false, true);
        if (!eigen.decompose(gram)) {
            throw new IllegalStateException("eigendecomposition of the similarity kernel failed");
        }
        // The eigenvalues are >= 0 and sum to trace(K)/n = 1; rounding can leave tiny negatives, which 0 log 0 = 0
        // lets us skip.
        double entropy = 0;
        for (int i = 0; i < eigen.getNumberOfEigenvalues(); i++) {
            double lambda = eigen.getEigenvalue(i).getReal();
            if (lambda > 0) {
                entropy -= lambda * Math.log(lambda);
            }
        }
        return Math.min(n, Math.max(1.0, Math.exp(entropy)));
    }

    /** The Vendi score divided by the set size, in [1/n, 1]. */
    public static double normalisedVendiScore(float[][] embeddings) {
        return vendiScore(embeddings) / embeddings.length;
    }

    static double[][] unitRows(float[][] embeddings) {
        if (embeddings.length == 0) {
            throw new IllegalArgumentException("no embeddings");
        }
        int dimension = embeddings[0].length;
        double[][] unit = new double[embeddings.length][];
        for (int i = 0; i < embeddings.length; i++) {
            float[] row = embeddings[i];
            if (row.length != dimension || dimension == 0) {
                throw new IllegalArgumentException(
                        "embedding " + i + " has dimension " + row.length + ", expected " + dimension + " > 0");
            }
            double squaredNorm = 0;
            for (float value : row) {
                squaredNorm += (double) value * value;
            }
            double norm = Math.sqrt(squaredNorm);
            if (!(norm > 0) || Double.isInfinite(norm)) {
                throw new IllegalArgumentException("embedding " + i + " has norm " + norm);
            }
            unit[i] = new double[dimension];
            for (int k = 0; k < dimension; k++) {
                unit[i][k] = row[k] / norm;
            }
        }
        return unit;
    }
}
