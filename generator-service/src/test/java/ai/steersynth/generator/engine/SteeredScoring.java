package ai.steersynth.generator.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.steersynth.engine.model.KeyValueCache;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.model.ResidualStreamHook;
import ai.steersynth.engine.steering.ActivationCapture;
import ai.steersynth.engine.steering.BatchResidualHooks;
import ai.steersynth.engine.steering.Steering;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Teacher-forced log-probability of one continuation of one prompt under several steerings, in one
 * forward pass: every row is the same token sequence (so no padding), only its steering differs,
 * applied at every position through the engine's write hooks ({@link BatchResidualHooks}). The
 * engine's {@code TokenLogProbabilities} scores without steering.
 */
final class SteeredScoring {

    private SteeredScoring() {}

    /**
     * For each steering, {@code sum_t log p(continuation[t] | prompt, continuation[<t])}.
     *
     * @param steering per row, the steerings applied at every position (empty for unsteered)
     */
    static double[] logProbabilities(
            LlamaModel model, int[] prompt, int[] continuation, List<List<Steering>> steering) {
        int[] sequence = Arrays.copyOf(prompt, prompt.length + continuation.length);
        System.arraycopy(continuation, 0, sequence, prompt.length, continuation.length);
        int[][] targets = new int[continuation.length][];
        for (int t = 0; t < continuation.length; t++) {
            targets[t] = new int[] {continuation[t]};
        }
        double[][][] scores = score(model, sequence, prompt.length - 1, targets, steering);
        double[] totals = new double[steering.size()];
        for (int b = 0; b < totals.length; b++) {
            for (int t = 0; t < continuation.length; t++) {
                totals[b] += scores[b][t][0];
            }
        }
        return totals;
    }

    /**
     * For each steering (row), the log-probability of each candidate as the token after {@code
     * context}: {@code [row][candidate]}.
     */
    static double[][] nextTokenLogProbabilities(
            LlamaModel model, int[] context, int[] candidates, List<List<Steering>> steering) {
        double[][][] scores = score(model, context, context.length - 1, new int[][] {candidates}, steering);
        double[][] out = new double[steering.size()][];
        for (int b = 0; b < out.length; b++) {
            out[b] = scores[b][0];
        }
        return out;
    }

    /**
     * One forward pass over {@code sequence} in every row; {@code [row][p][k]} = log p of token
     * {@code targets[p][k]} predicted at slot {@code first + p}.
     */
    private static double[][][] score(
            LlamaModel model, int[] sequence, int first, int[][] targets, List<List<Steering>> steering) {
        int batch = steering.size();
        int length = sequence.length;
        int positions = targets.length;
        int candidates = targets[0].length;
        int lastLayer = model.config().numberOfLayers() - 1;
        long[] ids = new long[batch * length];
        long[] wanted = new long[batch * positions * candidates];
        for (int b = 0; b < batch; b++) {
            for (int s = 0; s < length; s++) {
                ids[b * length + s] = sequence[s];
            }
            for (int p = 0; p < positions; p++) {
                for (int k = 0; k < candidates; k++) {
                    wanted[(b * positions + p) * candidates + k] = targets[p][k];
                }
            }
        }
        List<ActivationCapture> noCapture = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            noCapture.add(null);
        }
        boolean[] all = new boolean[batch];
        Arrays.fill(all, true);
        try (NDManager request = model.newRequestManager();
                KeyValueCache cache = model.newCache(request, new int[batch], length);
                NDManager step = request.newSubManager()) {
            BatchResidualHooks steer = new BatchResidualHooks(
                    request,
                    model.config().numberOfLayers(),
                    model.config().hiddenSize(),
                    steering,
                    noCapture,
                    new int[batch]);
            steer.beginPrefill(step, length, all);
            NDArray[] lastHidden = new NDArray[1];
            ResidualStreamHook steerAndKeepLast = (layer, hidden) -> {
                NDArray out = steer.afterBlock(layer, hidden);
                if (layer == lastLayer) {
                    lastHidden[0] = out;
                }
                return out;
            };
            model.forward(step.create(ids, new Shape(batch, length)), cache, steerAndKeepLast);
            NDArray hidden = lastHidden[0].get(new NDIndex(":, {}:{}, :", first, first + positions));
            NDArray logProbabilities = model.logitsOf(hidden).logSoftmax(-1); // [batch, positions, vocab]
            float[] picked = logProbabilities
                    .gather(step.create(wanted, new Shape(batch, positions, candidates)), -1)
                    .toFloatArray(); // [batch * positions * candidates]
            double[][][] out = new double[batch][positions][candidates];
            for (int b = 0; b < batch; b++) {
                for (int p = 0; p < positions; p++) {
                    for (int k = 0; k < candidates; k++) {
                        out[b][p][k] = picked[(b * positions + p) * candidates + k];
                    }
                }
            }
            return out;
        }
    }
}
