package ai.steersynth.engine.generate;

import ai.steersynth.engine.steering.ActivationCapture;
import ai.steersynth.engine.steering.Steering;
import java.util.Arrays;
import java.util.List;

/**
 * One row of a batch: its prompt, how to sample, its seed, and optionally steering and activation
 * capture. Rows of one batch may differ in every field, so a sweep packs many configurations into one
 * batch.
 *
 * @param promptTokenIds the prompt, already tokenized (chat template and BOS applied by the caller)
 * @param sampling temperature / top-k / top-p
 * @param seed seeds this row's own random generator; the same seed gives the same tokens whatever the
 *     batch holds
 * @param maxNewTokens tokens to generate at most; 0 runs only the prompt (for activation capture)
 * @param steering steerings added to the residual stream; empty for none
 * @param capture activations to copy out, or {@code null}
 */
public record GenerationRow(
        int[] promptTokenIds,
        SamplingParameters sampling,
        long seed,
        int maxNewTokens,
        List<Steering> steering,
        ActivationCapture capture) {

    public GenerationRow {
        if (promptTokenIds == null || promptTokenIds.length == 0) {
            throw new IllegalArgumentException("a row needs at least one prompt token");
        }
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("maxNewTokens must be >= 0, was " + maxNewTokens);
        }
        promptTokenIds = promptTokenIds.clone();
        sampling = sampling == null ? SamplingParameters.greedy() : sampling;
        steering = steering == null ? List.of() : List.copyOf(steering);
    }

    /** An unsteered row. */
    public static GenerationRow of(int[] promptTokenIds, SamplingParameters sampling, long seed, int maxNewTokens) {
        return new GenerationRow(promptTokenIds, sampling, seed, maxNewTokens, List.of(), null);
    }

    /** This row with {@code steering} instead of its own. */
    public GenerationRow withSteering(Steering... steering) {
        return new GenerationRow(promptTokenIds, sampling, seed, maxNewTokens, List.of(steering), capture);
    }

    /** This row with {@code capture} instead of its own. */
    public GenerationRow withCapture(ActivationCapture capture) {
        return new GenerationRow(promptTokenIds, sampling, seed, maxNewTokens, steering, capture);
    }

    @Override
    public int[] promptTokenIds() {
        return promptTokenIds.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GenerationRow that
                && Arrays.equals(promptTokenIds, that.promptTokenIds)
                && sampling.equals(that.sampling)
                && seed == that.seed
                && maxNewTokens == that.maxNewTokens
                && steering.equals(that.steering)
                && java.util.Objects.equals(capture, that.capture);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(promptTokenIds) * 31 + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return "GenerationRow[prompt=" + promptTokenIds.length + " tokens, sampling=" + sampling + ", seed=" + seed
                + ", maxNewTokens=" + maxNewTokens + ", steering=" + steering + ", capture=" + capture + "]";
    }
}
