package ai.steersynth.engine.steering.extract;

import ai.steersynth.contracts.sweep.SteeringMethod;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * RepE: the first principal component of the paired differences {@code positive - negative}, its
 * sign chosen so that it points the way of the mean difference.
 *
 * <p>The component is that of the uncentred differences (the top right singular vector of the
 * difference matrix). RepE randomly swaps the two sides of each pair before a centred PCA, so the
 * differences' mean is about zero and the centred covariance about their second moment; taking the
 * second moment directly gives the same component without the randomness. A centred PCA without the
 * swaps would subtract exactly the shared shift a steering direction is made of.
 */
public final class PcaExtractor implements SteeringMethodExtractor {

    @Override
    public SteeringMethod method() {
        return SteeringMethod.PCA;
    }

    @Override
    public DirectionEstimate extract(ContrastiveActivations activations, int layer, ExtractionOptions options) {
        LayerActivations at = activations.layer(layer);
        int pairs = at.pairCount();
        int hidden = at.hiddenSize();
        DMatrixRMaj differences = new DMatrixRMaj(pairs, hidden); // [pairs, hidden]
        for (int i = 0; i < pairs; i++) {
            for (int h = 0; h < hidden; h++) {
                differences.unsafe_set(i, h, (double) at.positive()[i][h] - at.negative()[i][h]);
            }
        }
        double[] component = topRightSingularVector(differences, layer);
        int[] all = VectorMath.allIndices(pairs);
        double[] mean = VectorMath.meanDifference(at.positive(), at.negative(), all);
        if (VectorMath.dot(component, mean) < 0) {
            for (int h = 0; h < hidden; h++) {
                component[h] = -component[h];
            }
        }
        return new DirectionEstimate(VectorMath.unit(component, "the first component at layer " + layer), all, null, 0);
    }

    /** The right singular vector of the largest singular value, by EJML's compact SVD. */
    private static double[] topRightSingularVector(DMatrixRMaj matrix, int layer) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(matrix.numRows, matrix.numCols, false, true, true);
        if (!svd.decompose(matrix.copy())) {
            throw new IllegalStateException(
                    "the SVD of the paired differences at layer " + layer + " did not converge");
        }
        double[] singularValues = svd.getSingularValues();
        int best = 0;
        for (int k = 1; k < svd.numberOfSingularValues(); k++) {
            if (singularValues[k] > singularValues[best]) {
                best = k;
            }
        }
        DMatrixRMaj v = svd.getV(null, true); // [components, hidden]: row k is the k-th right singular vector
        double[] component = new double[matrix.numCols];
        for (int h = 0; h < component.length; h++) {
            component[h] = v.get(best, h);
        }
        return component;
    }
}
