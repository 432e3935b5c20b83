package ai.steersynth.engine.generate;

import java.util.List;
import java.util.function.Function;

/**
 * A stop condition on text: a row stops as soon as its decoded output contains one of the strings.
 * The engine knows no tokenizer, so the caller passes its decoder; {@link #truncate} cuts the text
 * before the first stop string, as OpenAI-style APIs return it.
 */
public final class StopStrings implements StopCondition {

    private final List<String> stops;
    private final Function<int[], String> decoder;

    /**
     * @param stops the stop strings; an empty list never stops
     * @param decoder token ids to text (the model's tokenizer, without special tokens)
     */
    public StopStrings(List<String> stops, Function<int[], String> decoder) {
        this.stops = List.copyOf(stops);
        this.decoder = decoder;
    }

    @Override
    public boolean shouldStop(int row, int[] generatedTokenIds) {
        if (stops.isEmpty()) {
            return false;
        }
        String text = decoder.apply(generatedTokenIds);
        return stops.stream().anyMatch(text::contains);
    }

    /** {@code text} up to (not including) the earliest stop string, or all of it. */
    public String truncate(String text) {
        int cut = text.length();
        for (String stop : stops) {
            int at = text.indexOf(stop);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return text.substring(0, cut);
    }
}
