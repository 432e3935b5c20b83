package ai.steersynth.engine.steering.extract;

import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.ml.classify.LogisticRegression;
import ai.steersynth.ml.classify.LogisticRegressionOptions;
import ai.steersynth.ml.classify.Solver;
import ai.steersynth.ml.classify.ValidatedLogisticRegression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The weight direction of an L2-regularised logistic regression that tells positive (label 1) from
 * negative (label 0) activations. Pairs, not single activations, are split: a seeded share of the
 * pairs is held out and the probe's accuracy on them is reported; C is chosen on a validation part
 * of the rest ({@link ValidatedLogisticRegression}), and the direction is that of the probe fitted
 * on all non-held-out pairs, so the reported accuracy is that of the returned direction.
 *
 * <p>Features are not standardised: the penalty is the plain L2 norm of the weights in the residual
 * space, so it favours no residual coordinate over another and the weights stay a direction of that
 * space.
 */
public final class LinearProbeExtractor implements SteeringMethodExtractor {

    /** Held-out pairs are at least one; the probe needs at least two pairs to fit and validate. */
    static final int MINIMUM_PAIRS = 3;

    @Override
    public SteeringMethod method() {
        return SteeringMethod.LINEAR_PROBE;
    }

    @Override
    public DirectionEstimate extract(ContrastiveActivations activations, int layer, ExtractionOptions options) {
        LayerActivations at = activations.layer(layer);
        int pairs = at.pairCount();
        if (pairs < MINIMUM_PAIRS) {
            throw new IllegalArgumentException("LINEAR_PROBE needs at least " + MINIMUM_PAIRS + " pairs, got " + pairs);
        }
        List<Integer> shuffled = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            shuffled.add(i);
        }
        Collections.shuffle(shuffled, new Random(options.seed()));
        int heldOut = (int) Math.max(1, Math.min(pairs - 2, Math.round(options.probeHeldOutFraction() * pairs)));
        int[] test = shuffled.subList(0, heldOut).stream()
                .mapToInt(Integer::intValue)
                .sorted()
                .toArray();
        int[] train = shuffled.subList(heldOut, pairs).stream()
                .mapToInt(Integer::intValue)
                .sorted()
                .toArray();

        ValidatedLogisticRegression selection = new ValidatedLogisticRegression(
                options.probeCGrid(), 0.25, new LogisticRegressionOptions(1.0, false, Solver.AUTO, 500, 1e-8));
        LogisticRegression probe = selection
                .fit(rows(at, train), labels(train.length), options.seed())
                .model();

        double[] probabilities = probe.predictProbabilities(rows(at, test));
        int[] truth = labels(test.length);
        int correct = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if ((probabilities[i] >= 0.5 ? 1 : 0) == truth[i]) {
                correct++;
            }
        }
        double accuracy = (double) correct / probabilities.length;
        return new DirectionEstimate(
                VectorMath.unit(probe.weights(), "the probe's weights at layer " + layer), train, accuracy, 0);
    }

    /** The positive rows of {@code pairs} then their negative rows. */
    private static float[][] rows(LayerActivations at, int[] pairs) {
        float[][] rows = new float[2 * pairs.length][];
        for (int k = 0; k < pairs.length; k++) {
            rows[k] = at.positive()[pairs[k]];
            rows[pairs.length + k] = at.negative()[pairs[k]];
        }
        return rows;
    }

    /** 1 for the first {@code pairs} rows (positive), 0 for the next {@code pairs} (negative). */
    private static int[] labels(int pairs) {
        int[] labels = new int[2 * pairs];
        Arrays.fill(labels, 0, pairs, 1);
        return labels;
    }
}
