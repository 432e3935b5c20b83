package ai.steersynth.metrics.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The entry point of the diversity axis: measures a config's complete sample set at sample level and at set level and
 * combines the two (see {@link DiversityScores#diversity()}). Thread-safe if the embedder is.
 */
public final class DiversityCalculator {

    private final TextEmbedder embedder;
    private final SampleDiversityCalculator sampleCalculator;

    /** A calculator with {@link DiversitySettings#defaults()}. */
    public DiversityCalculator(TextEmbedder embedder) {
        this(embedder, DiversitySettings.defaults());
    }

    public DiversityCalculator(TextEmbedder embedder, DiversitySettings settings) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.sampleCalculator = new SampleDiversityCalculator(settings.mattrWindow());
    }

    /**
     * Embeds the texts and measures them; {@code texts} is a config's whole sample set, at least one text. Blank
     * texts are not sent to the embedder (see {@link #embed}).
     */
    public DiversityScores measure(List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a sample set must hold at least one sample");
        }
        return measure(texts, embed(embedder, texts));
    }

    /** Measures texts whose embeddings are already known (row i belongs to text i). */
    public DiversityScores measure(List<String> texts, float[][] embeddings) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a sample set must hold at least one sample");
        }
        List<List<String>> tokenised = new ArrayList<>(texts.size());
        List<SampleDiversity> perSample = new ArrayList<>(texts.size());
        for (String text : texts) {
            List<String> tokens = WordTokenizer.tokenize(text);
            tokenised.add(tokens);
            perSample.add(sampleCalculator.measureTokens(tokens));
        }
        SetDiversity setLevel = SetDiversityCalculator.measureTokens(tokenised, embeddings);
        return new DiversityScores(SampleDiversity.mean(perSample), setLevel);
    }

    /**
     * Embeds the non-blank texts with the embedder and gives every blank text (one without tokens: a response that
     * stopped at once, or only whitespace, control or format characters) one shared extra dimension: row i is the
     * embedder's vector padded with a 0, or the unit vector of that extra dimension for a blank text. So blank
     * responses are identical to each other and orthogonal to (share nothing with) every non-blank one, and the
     * embedder, which may reject blank input as langchain4j's does, never sees one.
     */
    static float[][] embed(TextEmbedder embedder, List<String> texts) {
        List<String> nonBlank = texts.stream().filter(text -> !isBlank(text)).toList();
        float[][] embedded = nonBlank.isEmpty() ? new float[0][0] : embedder.embed(nonBlank);
        if (embedded.length != nonBlank.size()) {
            throw new IllegalStateException(
                    "the embedder returned " + embedded.length + " rows for " + nonBlank.size() + " texts");
        }
        if (nonBlank.size() == texts.size()) {
            return embedded;
        }
        int dimension = embedded.length == 0 ? 0 : embedded[0].length;
        float[][] rows = new float[texts.size()][];
        int next = 0;
        for (int i = 0; i < texts.size(); i++) {
            rows[i] = new float[dimension + 1];
            if (isBlank(texts.get(i))) {
                rows[i][dimension] = 1;
            } else {
                float[] vector = embedded[next++];
                if (vector.length != dimension) {
                    throw new IllegalArgumentException(
                            "embeddings of dimensions " + dimension + " and " + vector.length);
                }
                System.arraycopy(vector, 0, rows[i], 0, dimension);
            }
        }
        return rows;
    }

    /** No {@link WordTokenizer} token; this covers {@link String#isBlank()} and langchain4j's trim()-based check. */
    private static boolean isBlank(String text) {
        return WordTokenizer.tokenize(text).isEmpty();
    }
}
