package ai.steersynth.engine.steering.extract;

/** Small dense-vector helpers in double precision, shared by the extraction methods. */
final class VectorMath {

    private VectorMath() {}

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double norm(float[] a) {
        double sum = 0;
        for (float v : a) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    static double[] toDouble(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    /** {@code positive - negative}, in double. */
    static double[] difference(float[] positive, float[] negative) {
        double[] out = new double[positive.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (double) positive[i] - negative[i];
        }
        return out;
    }

    /** The mean over pairs of {@code positive[i] - negative[i]}. */
    static double[] meanDifference(float[][] positive, float[][] negative, int[] pairs) {
        double[] sum = new double[positive[0].length];
        for (int i : pairs) {
            for (int h = 0; h < sum.length; h++) {
                sum[h] += (double) positive[i][h] - negative[i][h];
            }
        }
        for (int h = 0; h < sum.length; h++) {
            sum[h] /= pairs.length;
        }
        return sum;
    }

    /**
     * {@code vector / |vector|} as floats.
     *
     * @throws IllegalStateException when the vector is zero or not finite: there is no direction
     */
    static float[] unit(double[] vector, String what) {
        double norm = norm(vector);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalStateException(what + " has norm " + norm + ": no direction to extract");
        }
        float[] out = new float[vector.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (vector[i] / norm);
        }
        return out;
    }

    /** Cosine similarity of two float vectors. */
    static double cosine(float[] a, float[] b) {
        return dot(toDouble(a), toDouble(b)) / (norm(a) * norm(b));
    }

    static int[] allIndices(int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = i;
        }
        return out;
    }
}
