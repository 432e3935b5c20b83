package ai.steersynth.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Rotary position embedding in Hugging Face's {@code rotate_half} convention: the two halves of a
 * head are the (real, imaginary) parts, so {@code out = x * cos + rotateHalf(x) * sin} with
 * {@code rotateHalf([x1, x2]) = [-x2, x1]} and the angle table repeated over both halves.
 */
public final class RotaryEmbedding {

    private RotaryEmbedding() {}

    /**
     * The per-pair inverse frequencies {@code 1 / theta^(2i / headSize)}, with llama3 scaling applied
     * when the configuration asks for it (the same piecewise rule as transformers'
     * {@code _compute_llama3_parameters}).
     */
    public static float[] inverseFrequencies(int headSize, float theta, ModelConfig.RopeScaling scaling) {
        float[] inverse = new float[headSize / 2];
        for (int i = 0; i < inverse.length; i++) {
            float exponent = (float) (2 * i) / headSize;
            inverse[i] = (float) (1.0 / Math.pow(theta, exponent));
        }
        if (scaling == null) {
            return inverse;
        }
        double lowFrequencyWavelength = scaling.originalMaxPositionEmbeddings() / scaling.lowFrequencyFactor();
        double highFrequencyWavelength = scaling.originalMaxPositionEmbeddings() / scaling.highFrequencyFactor();
        for (int i = 0; i < inverse.length; i++) {
            double wavelength = 2 * Math.PI / inverse[i];
            if (wavelength > lowFrequencyWavelength) {
                // long wavelengths (low frequencies) are stretched by the full factor
                inverse[i] = inverse[i] / scaling.factor();
            } else if (wavelength >= highFrequencyWavelength) {
                // the band in between blends the stretched and the original frequency smoothly
                double smooth = (scaling.originalMaxPositionEmbeddings() / wavelength - scaling.lowFrequencyFactor())
                        / (scaling.highFrequencyFactor() - scaling.lowFrequencyFactor());
                inverse[i] = (float) ((1 - smooth) * inverse[i] / scaling.factor() + smooth * inverse[i]);
            }
        }
        return inverse;
    }

    /**
     * Rotates {@code x} ({@code [batch, seq, heads, headSize]}) by the angles whose cosine and sine
     * are given as {@code [batch, seq, 1, headSize]} (each half already holding the same angles).
     * The result belongs to {@code x}'s manager.
     */
    public static NDArray apply(NDArray x, NDArray cos, NDArray sin) {
        NDList halves = x.split(2, 3); // 2 x [batch, seq, heads, headSize/2]
        NDArray rotated = halves.get(1).neg().concat(halves.get(0), 3); // [batch, seq, heads, headSize]
        return x.mul(cos).addi(rotated.muli(sin)); // [batch, seq, heads, headSize]
    }
}
