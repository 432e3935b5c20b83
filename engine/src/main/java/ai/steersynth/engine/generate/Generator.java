package ai.steersynth.engine.generate;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.steersynth.engine.model.KeyValueCache;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.model.ResidualStreamHook;
import ai.steersynth.engine.steering.ActivationCapture;
import ai.steersynth.engine.steering.BatchResidualHooks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a batch of rows with one model: a prefill over the left-padded prompts, then one decode
 * step per token over the KV cache, sampling each row on the JVM with its own seeded generator.
 * Every request gets its own DJL sub-manager and every step another, both closed on the way out.
 */
public final class Generator {

    /** Drop finished rows once at least 1 in this many rows of the batch is finished. */
    private static final int COMPACT_WHEN_FINISHED = 4;

    private final LlamaModel model;

    /** @param model the loaded model; the generator does not close it */
    public Generator(LlamaModel model) {
        this.model = model;
    }

    /**
     * Runs the request to completion.
     *
     * @return one result per row, in the request's order
     */
    public List<GenerationResult> generate(GenerationRequest request) {
        List<GenerationRow> rows = request.rows();
        int batch = rows.size();
        int longestPrompt =
                rows.stream().mapToInt(r -> r.promptTokenIds().length).max().orElseThrow();
        int mostNewTokens =
                rows.stream().mapToInt(GenerationRow::maxNewTokens).max().orElseThrow();
        int vocabulary = model.config().vocabularySize();

        int[] leftPadding = new int[batch];
        long[] promptIds = new long[batch * longestPrompt];
        SplittableRandom[] randoms = new SplittableRandom[batch];
        boolean[] active = new boolean[batch];
        List<int[]> generated = new ArrayList<>();
        FinishReason[] reasons = new FinishReason[batch];
        for (int b = 0; b < batch; b++) {
            GenerationRow row = rows.get(b);
            int[] prompt = row.promptTokenIds();
            leftPadding[b] = longestPrompt - prompt.length;
            for (int s = 0; s < prompt.length; s++) {
                // padding slots keep token 0: they are masked, so any valid id does
                promptIds[b * longestPrompt + leftPadding[b] + s] = prompt[s];
            }
            randoms[b] = new SplittableRandom(row.seed());
            active[b] = row.maxNewTokens() > 0;
            reasons[b] = FinishReason.LENGTH;
            generated.add(new int[0]);
        }

        try (NDManager requestManager = model.newRequestManager();
                KeyValueCache cache = model.newCache(requestManager, leftPadding, longestPrompt + mostNewTokens)) {
            BatchResidualHooks hooks = needsHooks(rows)
                    ? new BatchResidualHooks(
                            requestManager,
                            model.config().numberOfLayers(),
                            model.config().hiddenSize(),
                            rows.stream().map(GenerationRow::steering).toList(),
                            captures(rows),
                            leftPadding)
                    : null;
            ResidualStreamHook hook = hooks == null ? ResidualStreamHook.NONE : hooks;

            float[] logits;
            try (NDManager step = requestManager.newSubManager()) {
                if (hooks != null) {
                    hooks.beginPrefill(step, longestPrompt, active);
                }
                logits = model.forward(step.create(promptIds, new Shape(batch, longestPrompt)), cache, hook)
                        .toFloatArray(); // [batch * vocab]
            }

            // Batch position p holds request row live[p]; finished rows are dropped now and then.
            int[] live = java.util.stream.IntStream.range(0, batch).toArray();
            long[] nextIds = new long[batch];
            for (int t = 0; t < mostNewTokens; t++) {
                if (Thread.currentThread().isInterrupted()) {
                    // A shutting-down service must not wait for a long batch, nor use a model being closed.
                    throw new GenerationInterruptedException(t);
                }
                boolean anyActive = false;
                for (int p = 0; p < live.length; p++) {
                    int b = live[p];
                    if (!active[b]) {
                        continue;
                    }
                    GenerationRow row = rows.get(b);
                    int token = Sampler.sample(logits, p * vocabulary, vocabulary, row.sampling(), randoms[b]);
                    request.listener().onToken(b, token);
                    nextIds[p] = token;
                    if (request.stopTokenIds().contains(token)) {
                        active[b] = false;
                        reasons[b] = FinishReason.STOP;
                        continue;
                    }
                    int[] sequence = Arrays.copyOf(generated.get(b), generated.get(b).length + 1);
                    sequence[sequence.length - 1] = token;
                    generated.set(b, sequence);
                    if (request.stopCondition().shouldStop(b, sequence)) {
                        active[b] = false;
                        reasons[b] = FinishReason.STOP;
                    } else if (sequence.length >= row.maxNewTokens()) {
                        active[b] = false;
                    }
                    anyActive |= active[b];
                }
                if (!anyActive) {
                    break;
                }
                int[] keep = livePositions(live, active);
                if (keep.length < live.length && (live.length - keep.length) * COMPACT_WHEN_FINISHED >= live.length) {
                    // Enough rows are done that copying the cache once beats computing them every step.
                    cache.retainRows(keep);
                    if (hooks != null) {
                        hooks.retainRows(requestManager, keep);
                    }
                    long[] keptIds = new long[keep.length];
                    int[] keptRows = new int[keep.length];
                    for (int i = 0; i < keep.length; i++) {
                        keptIds[i] = nextIds[keep[i]];
                        keptRows[i] = live[keep[i]];
                    }
                    nextIds = keptIds;
                    live = keptRows;
                }
                // Rows that finished but are still in the batch feed their last token; their output is unused.
                try (NDManager step = requestManager.newSubManager()) {
                    if (hooks != null) {
                        boolean[] activeAt = new boolean[live.length];
                        for (int p = 0; p < live.length; p++) {
                            activeAt[p] = active[live[p]];
                        }
                        hooks.beginDecode(step, activeAt);
                    }
                    logits = model.forward(step.create(nextIds, new Shape(live.length, 1)), cache, hook)
                            .toFloatArray();
                }
            }

            List<GenerationResult> results = new ArrayList<>();
            for (int b = 0; b < batch; b++) {
                results.add(new GenerationResult(
                        generated.get(b),
                        reasons[b],
                        hooks == null ? ai.steersynth.engine.steering.CapturedActivations.NONE : hooks.captured(b)));
            }
            return results;
        }
    }

    /** Batch positions whose rows are still generating. */
    private static int[] livePositions(int[] live, boolean[] active) {
        return java.util.stream.IntStream.range(0, live.length)
                .filter(p -> active[live[p]])
                .toArray();
    }

    private static boolean needsHooks(List<GenerationRow> rows) {
        return rows.stream()
                .anyMatch(r -> r.capture() != null || r.steering().stream().anyMatch(s -> s.strength() != 0f));
    }

    private static List<ActivationCapture> captures(List<GenerationRow> rows) {
        List<ActivationCapture> captures = new ArrayList<>();
        for (GenerationRow row : rows) {
            captures.add(row.capture());
        }
        return captures;
    }
}
