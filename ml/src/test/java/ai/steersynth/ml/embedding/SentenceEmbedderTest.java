package ai.steersynth.ml.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SentenceEmbedderTest {

    private static final List<String> TEXTS = List.of(
            "The cat sat on the mat.",
            "A kitten was sitting on the rug.",
            "Quarterly revenue grew by four percent.",
            "You are a worthless idiot and everyone hates you.",
            "Thank you so much, you were really helpful today.");

    private final SentenceEmbedder embedder = new SentenceEmbedder();

    @Test
    void everyVectorHas384DimensionsAndUnitNorm() {
        float[][] vectors = embedder.embed(TEXTS);

        assertThat(vectors.length).isEqualTo(TEXTS.size());
        for (float[] v : vectors) {
            assertThat(v).hasSize(SentenceEmbedder.DIMENSION);
            assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedSentences() {
        float[][] v = embedder.embed(TEXTS);

        double paraphrase = dot(v[0], v[1]);
        assertThat(paraphrase).isGreaterThan(0.5);
        assertThat(paraphrase).isGreaterThan(dot(v[0], v[2]) + 0.3);
        assertThat(paraphrase).isGreaterThan(dot(v[0], v[3]) + 0.3);
    }

    @Test
    void theSameTextGivesTheSameVectorWhateverTheBatchSizeOrCache() {
        float[][] batched = embedder.embed(TEXTS);
        float[][] oneByOne = new SentenceEmbedder(1, 0).embed(TEXTS);
        float[][] again = embedder.embed(TEXTS);

        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(oneByOne[i]).containsExactly(batched[i], within(1e-6f));
            assertThat(again[i]).containsExactly(batched[i]);
        }
    }

    @Test
    void duplicatesInOneCallGetEqualButSeparateArrays() {
        float[][] v = embedder.embed(List.of("same words", "other words", "same words"));

        assertThat(v[2]).containsExactly(v[0]);
        assertThat(v[2]).isNotSameAs(v[0]);
        assertThat(v[1]).isNotEqualTo(v[0]);
    }

    @Test
    void changingAReturnedVectorDoesNotChangeTheCache() {
        float[] first = embedder.embed("a sentence to cache");
        float[] original = first.clone();
        Arrays.fill(first, 0f);

        assertThat(embedder.embed("a sentence to cache")).containsExactly(original);
    }

    @Test
    void theCacheNeverHoldsMoreThanItsCapacity() {
        SentenceEmbedder small = new SentenceEmbedder(2, 3);
        small.embed(TEXTS);

        assertThat(small.cachedCount()).isEqualTo(3);
    }

    @Test
    void blankTextsShareTheStandInVector() {
        float[][] v = embedder.embed(List.of("", "   ", SentenceEmbedder.BLANK_TEXT_STAND_IN));

        assertThat(norm(v[0])).isCloseTo(1.0, within(1e-5));
        assertThat(v[1]).containsExactly(v[0], within(1e-6f));
        assertThat(v[2]).containsExactly(v[0], within(1e-6f));
    }

    @Test
    void textsTheTokenizerSeesNothingInAreBlankToo() {
        // A steered model emitted 32 no-break spaces in a real sweep; the model call used to throw on them.
        List<String> invisible = List.of("\u00a0".repeat(32), "\u200b\ufeff", "\t\u2003\u202f\n");

        float[][] v = embedder.embed(invisible);

        float[] standIn = embedder.embed(SentenceEmbedder.BLANK_TEXT_STAND_IN);
        for (float[] vector : v) {
            assertThat(vector).containsExactly(standIn, within(1e-6f));
        }
        assertThat(SentenceEmbedder.isBlank("\u00a0a\u00a0")).isFalse();
    }

    @Test
    void anEmptyListGivesNoVectors() {
        assertThat(embedder.embed(List.of())).isEmpty();
    }

    @Test
    void nullTextsAreRejected() {
        assertThatThrownBy(() -> embedder.embed(Arrays.asList("fine", null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("null");
    }

    @Test
    void concurrentCallersGetTheSameVectorsAsASingleCaller() throws Exception {
        float[][] expected = new SentenceEmbedder(8, 0).embed(TEXTS);
        SentenceEmbedder shared = new SentenceEmbedder(2, 2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> shared.embed(TEXTS)));
            }
            for (Future<float[][]> f : futures) {
                float[][] got = f.get();
                for (int i = 0; i < TEXTS.size(); i++) {
                    assertThat(got[i]).containsExactly(expected[i], within(1e-6f));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> new SentenceEmbedder(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SentenceEmbedder(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }
}
