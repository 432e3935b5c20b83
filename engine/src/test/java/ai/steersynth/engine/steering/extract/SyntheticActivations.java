package ai.steersynth.engine.steering.extract;

import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.pack.ContrastivePair.PairKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Contrastive activations with a known planted direction: each pair shares a random base point;
 * the positive side adds {@code shift * planted} (shift drawn around {@code meanShift}), and each
 * side gets its own small noise.
 */
final class SyntheticActivations {

    final float[] planted;
    final ContrastiveActivations activations;

    private SyntheticActivations(float[] planted, ContrastiveActivations activations) {
        this.planted = planted;
        this.activations = activations;
    }

    static SyntheticActivations generate(
            long seed, int pairs, int hidden, int layer, double baseSpread, double meanShift, double sideNoise) {
        Random random = new Random(seed);
        float[] planted = unitGaussian(random, hidden);
        float[][] positive = new float[pairs][hidden];
        float[][] negative = new float[pairs][hidden];
        for (int i = 0; i < pairs; i++) {
            double shift = meanShift * (0.5 + random.nextDouble());
            for (int h = 0; h < hidden; h++) {
                double base = baseSpread * random.nextGaussian();
                positive[i][h] = (float) (base + shift * planted[h] + sideNoise * random.nextGaussian());
                negative[i][h] = (float) (base + sideNoise * random.nextGaussian());
            }
        }
        List<ContrastivePair> pairList = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            pairList.add(new ContrastivePair(PairKind.TEXT, "", "positive " + i, "negative " + i));
        }
        int[] readTokenCounts = new int[pairs];
        Arrays.fill(readTokenCounts, 3);
        ContrastiveActivations activations = new ContrastiveActivations(
                pairList,
                Map.of(layer, new LayerActivations(layer, positive, negative, 10.0)),
                readTokenCounts,
                List.of(ActivationPositions.TEXT_COMPLETION_MEAN),
                "synthetic",
                null);
        return new SyntheticActivations(planted, activations);
    }

    static float[] unitGaussian(Random random, int hidden) {
        double[] v = new double[hidden];
        for (int h = 0; h < hidden; h++) {
            v[h] = random.nextGaussian();
        }
        return VectorMath.unit(v, "a random vector");
    }

    /** The same activations with positive and negative swapped. */
    ContrastiveActivations swapped(int layer) {
        LayerActivations at = activations.layer(layer);
        return new ContrastiveActivations(
                activations.pairs(),
                Map.of(layer, new LayerActivations(layer, at.negative(), at.positive(), at.meanResidualNorm())),
                activations.readTokenCounts(),
                activations.readPositions(),
                activations.packId(),
                activations.packContentHash());
    }

    static double cosine(float[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static double cosine(float[] a, float[] b) {
        return cosine(a, VectorMath.toDouble(b));
    }
}
