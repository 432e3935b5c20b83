package ai.steersynth.engine.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.steersynth.engine.model.KeyValueCache;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.model.ResidualStreamHook;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores given continuations under a model by teacher forcing: one forward pass over each row's
 * context followed by its continuation, and the log-probability the model gave each continuation
 * token at the position before it. Rows are left-padded to a common length like the generator's
 * prompts, so each row's continuation ends in the last slot and the continuations of a batch line up
 * on the right. The model's full-vocabulary logits are made a slice of positions at a time, so memory
 * stays bounded for long texts and large vocabularies.
 */
public final class TokenLogProbabilities {

    /** Logit elements ({@code rows x positions x vocab}) made at once: 128 MiB of fp32. */
    private static final long LOGITS_PER_SLICE = 32L * 1024 * 1024;

    private final LlamaModel model;

    /** @param model the loaded model; not closed here */
    public TokenLogProbabilities(LlamaModel model) {
        this.model = model;
    }

    /**
     * One sequence to score.
     *
     * @param contextTokenIds what the continuation follows (a chat-templated prompt, or at least BOS);
     *     not scored, at least one token
     * @param continuationTokenIds the tokens whose log-probabilities are wanted; may be empty
     */
    public record ScoredSequence(int[] contextTokenIds, int[] continuationTokenIds) {

        public ScoredSequence {
            if (contextTokenIds == null || contextTokenIds.length == 0) {
                throw new IllegalArgumentException(
                        "contextTokenIds must hold at least one token (e.g. BOS): the first continuation"
                                + " token is predicted from it");
            }
            if (continuationTokenIds == null) {
                throw new IllegalArgumentException("continuationTokenIds must not be null (use an empty array)");
            }
            contextTokenIds = contextTokenIds.clone();
            continuationTokenIds = continuationTokenIds.clone();
        }

        int length() {
            return contextTokenIds.length + continuationTokenIds.length;
        }
    }

    /**
     * The natural-log probability of every continuation token, per row, in the request's order. All
     * rows run as one batch; callers choose the batch size.
     *
     * @throws IllegalArgumentException when a token id lies outside the model's vocabulary
     */
    public List<float[]> score(List<ScoredSequence> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("rows must hold at least one sequence");
        }
        int vocabulary = model.config().vocabularySize();
        int batch = rows.size();
        int length = rows.stream().mapToInt(ScoredSequence::length).max().orElseThrow();
        int scored = rows.stream()
                .mapToInt(r -> r.continuationTokenIds().length)
                .max()
                .orElseThrow();
        int[] leftPadding = new int[batch];
        long[] ids = new long[batch * length];
        long[] targets = new long[batch * scored]; // [batch, scored], right-aligned like the rows
        for (int b = 0; b < batch; b++) {
            ScoredSequence row = rows.get(b);
            leftPadding[b] = length - row.length();
            int slot = b * length + leftPadding[b];
            for (int token : row.contextTokenIds()) {
                ids[slot++] = checked(token, vocabulary, b, "contextTokenIds");
            }
            int[] continuation = row.continuationTokenIds();
            for (int k = 0; k < continuation.length; k++) {
                ids[slot++] = checked(continuation[k], vocabulary, b, "continuationTokenIds");
                targets[b * scored + scored - continuation.length + k] = continuation[k];
            }
        }
        float[] logProbabilities = new float[batch * scored];
        if (scored > 0) {
            run(ids, targets, leftPadding, batch, length, scored, logProbabilities);
        }
        List<float[]> results = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            int n = rows.get(b).continuationTokenIds().length;
            float[] row = new float[n];
            System.arraycopy(logProbabilities, b * scored + scored - n, row, 0, n);
            results.add(row);
        }
        return results;
    }

    private void run(long[] ids, long[] targets, int[] leftPadding, int batch, int length, int scored, float[] out) {
        int lastLayer = model.config().numberOfLayers() - 1;
        long sliceWidth =
                Math.max(1, LOGITS_PER_SLICE / ((long) batch * model.config().vocabularySize()));
        try (NDManager request = model.newRequestManager();
                KeyValueCache cache = model.newCache(request, leftPadding, length);
                NDManager step = request.newSubManager()) {
            // The last block's output for every position; it ends up on the step's manager.
            NDArray[] lastHidden = new NDArray[1];
            ResidualStreamHook keepLast = (layer, hidden) -> {
                if (layer == lastLayer) {
                    lastHidden[0] = hidden;
                }
                return hidden;
            };
            model.forward(step.create(ids, new Shape(batch, length)), cache, keepLast);
            // Slot s predicts slot s + 1: the scored tokens sit in slots [length - scored, length), so
            // their predictions come from slots [length - scored - 1, length - 1).
            NDArray targetIds = step.create(targets, new Shape(batch, scored, 1)); // [batch, scored, 1]
            for (int from = 0; from < scored; from += (int) sliceWidth) {
                int to = (int) Math.min(scored, from + sliceWidth);
                try (NDManager slice = step.newSubManager()) {
                    int first = length - scored - 1;
                    NDArray hidden = lastHidden[0].get(new NDIndex(":, {}:{}, :", first + from, first + to));
                    hidden.attach(slice); // [batch, to - from, hidden]
                    NDArray logProbabilities = model.logitsOf(hidden).logSoftmax(-1); // [batch, to - from, vocab]
                    NDArray wanted = targetIds.get(new NDIndex(":, {}:{}, :", from, to));
                    wanted.attach(slice);
                    float[] picked = logProbabilities.gather(wanted, -1).toFloatArray(); // [batch * (to - from)]
                    int width = to - from;
                    for (int b = 0; b < batch; b++) {
                        System.arraycopy(picked, b * width, out, b * scored + from, width);
                    }
                }
            }
        }
    }

    private static long checked(int token, int vocabulary, int row, String field) {
        if (token < 0 || token >= vocabulary) {
            throw new IllegalArgumentException("row " + row + ": " + field + " holds token id " + token
                    + ", outside the vocabulary [0, " + vocabulary + ")");
        }
        return token;
    }
}
