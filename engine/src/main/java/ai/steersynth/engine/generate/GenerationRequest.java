package ai.steersynth.engine.generate;

import java.util.List;
import java.util.Set;

/**
 * A batch to generate: its rows plus what applies to all of them.
 *
 * @param rows the rows, generated together
 * @param stopTokenIds tokens that end a row (usually the tokenizer's end-of-sequence ids); the stop
 *     token is not part of the row's output
 * @param stopCondition checked after every token, e.g. {@link StopStrings}
 * @param listener receives every sampled token (streaming)
 */
public record GenerationRequest(
        List<GenerationRow> rows, Set<Integer> stopTokenIds, StopCondition stopCondition, TokenListener listener) {

    public GenerationRequest {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one row");
        }
        rows = List.copyOf(rows);
        stopTokenIds = stopTokenIds == null ? Set.of() : Set.copyOf(stopTokenIds);
        stopCondition = stopCondition == null ? StopCondition.NEVER : stopCondition;
        listener = listener == null ? TokenListener.NONE : listener;
    }

    /** Rows with stop tokens, no stop strings and no streaming. */
    public static GenerationRequest of(List<GenerationRow> rows, Set<Integer> stopTokenIds) {
        return new GenerationRequest(rows, stopTokenIds, null, null);
    }
}
