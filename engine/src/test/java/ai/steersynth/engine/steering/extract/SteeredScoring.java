package ai.steersynth.engine.steering.extract;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.steersynth.engine.model.KeyValueCache;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.steering.ActivationCapture;
import ai.steersynth.engine.steering.BatchResidualHooks;
import ai.steersynth.engine.steering.Steering;
import java.util.ArrayList;
import java.util.List;

/**
 * Teacher-forced log-probabilities of continuations of one prompt, each row with its own steering,
 * through the engine's write hooks ({@link BatchResidualHooks}); all rows run as one batch.
 */
final class SteeredScoring {

    private SteeredScoring() {}

    /**
     * For each row, {@code sum_t log p(continuation[t] | prompt, continuation[<t])} under its steering.
     *
     * @param continuations per row, the tokens to score
     * @param steering per row, the steerings applied at every position
     */
    static double[] logProbabilities(
            LlamaModel model, int[] prompt, List<int[]> continuations, List<List<Steering>> steering) {
        int batch = continuations.size();
        int longest = continuations.stream().mapToInt(c -> c.length).max().orElseThrow();
        int vocabulary = model.config().vocabularySize();
        double[] totals = new double[batch];
        boolean[] all = new boolean[batch];
        java.util.Arrays.fill(all, true);
        List<ActivationCapture> noCapture = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            noCapture.add(null);
        }
        try (NDManager request = model.newRequestManager();
                KeyValueCache cache = model.newCache(request, new int[batch], prompt.length + longest)) {
            BatchResidualHooks hooks = new BatchResidualHooks(
                    request,
                    model.config().numberOfLayers(),
                    model.config().hiddenSize(),
                    steering,
                    noCapture,
                    new int[batch]);
            long[] promptIds = new long[batch * prompt.length];
            for (int b = 0; b < batch; b++) {
                for (int s = 0; s < prompt.length; s++) {
                    promptIds[b * prompt.length + s] = prompt[s];
                }
            }
            float[] logits;
            try (NDManager step = request.newSubManager()) {
                hooks.beginPrefill(step, prompt.length, all);
                logits = model.forward(step.create(promptIds, new Shape(batch, prompt.length)), cache, hooks)
                        .toFloatArray(); // [batch * vocab]
            }
            for (int t = 0; t < longest; t++) {
                long[] next = new long[batch];
                for (int b = 0; b < batch; b++) {
                    int[] continuation = continuations.get(b);
                    if (t < continuation.length) {
                        totals[b] += logSoftmax(logits, b * vocabulary, vocabulary, continuation[t]);
                    }
                    // rows already scored keep feeding their last token; their logits are not used
                    next[b] = continuation[Math.min(t, continuation.length - 1)];
                }
                if (t + 1 < longest) {
                    try (NDManager step = request.newSubManager()) {
                        hooks.beginDecode(step, all);
                        logits = model.forward(step.create(next, new Shape(batch, 1)), cache, hooks)
                                .toFloatArray();
                    }
                }
            }
        }
        return totals;
    }

    private static double logSoftmax(float[] logits, int offset, int vocabulary, int token) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocabulary; v++) {
            max = Math.max(max, logits[offset + v]);
        }
        double sum = 0;
        for (int v = 0; v < vocabulary; v++) {
            sum += Math.exp(logits[offset + v] - max);
        }
        return logits[offset + token] - max - Math.log(sum);
    }
}
