package ai.steersynth.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding metrics on the real MiniLM model, which ships in its Maven jar: no download, no network. */
class MiniLmEmbeddingTest {

    private static final String CAT = "The cat is sleeping on the sofa.";
    private static final String CAT_PARAPHRASE = "A cat naps on the couch.";
    private static final String UNRELATED = "Interest rates rose sharply in the third quarter.";

    private final MiniLmTextEmbedder embedder = new MiniLmTextEmbedder();

    @Test
    void paraphrasesAreCloserThanUnrelatedSentences() {
        float[][] rows = embedder.embed(List.of(CAT, CAT_PARAPHRASE, UNRELATED));

        assertThat(rows).hasNumberOfRows(3);
        for (float[] row : rows) {
            assertThat(row).hasSize(384);
        }
        double paraphrase = EmbeddingDiversity.meanCosineDistance(new float[][] {rows[0], rows[1]});
        double unrelatedToFirst = EmbeddingDiversity.meanCosineDistance(new float[][] {rows[0], rows[2]});
        double unrelatedToSecond = EmbeddingDiversity.meanCosineDistance(new float[][] {rows[1], rows[2]});
        assertThat(paraphrase).isLessThan(unrelatedToFirst).isLessThan(unrelatedToSecond);
        assertThat(EmbeddingDiversity.vendiScore(new float[][] {rows[0], rows[1]}))
                .isLessThan(EmbeddingDiversity.vendiScore(new float[][] {rows[0], rows[2]}));
    }

    @Test
    void aSetOfParaphrasesIsLessDiverseThanASetOfUnrelatedSentences() {
        List<String> paraphrases = List.of(CAT, CAT_PARAPHRASE, "On the sofa, a cat is asleep.");
        List<String> unrelated = List.of(CAT, UNRELATED, "Mix flour, water and yeast, then knead the dough.");

        SetDiversity alike = SetDiversityCalculator.measure(paraphrases, embedder.embed(paraphrases));
        SetDiversity different = SetDiversityCalculator.measure(unrelated, embedder.embed(unrelated));

        assertThat(alike.meanCosineDistance()).isLessThan(different.meanCosineDistance());
        assertThat(alike.vendiScore()).isLessThan(different.vendiScore());
    }

    @Test
    void aBlankResponseDoesNotReachTheModelWhichRejectsBlankText() {
        DiversityScores scores = new DiversityCalculator(embedder).measure(List.of(CAT, "", UNRELATED));

        assertThat(scores.setLevel().sampleCount()).isEqualTo(3);
        assertThat(scores.setLevel().vendiScore()).isGreaterThan(2.0);
    }
}
