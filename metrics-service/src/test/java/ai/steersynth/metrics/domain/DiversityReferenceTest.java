package ai.steersynth.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agreement with scripts/reference/diversity_reference.py: its own tokeniser and distinct-n, NLTK's sentence_bleu with
 * method1 smoothing, and Python's gzip.
 */
class DiversityReferenceTest {

    private static final double DISTINCT_TOLERANCE = 1e-12;
    private static final double BLEU_TOLERANCE = 1e-9;
    // Python and the JDK both call zlib at level 9, but a different zlib build may choose different matches;
    // one byte of difference in a ~100-byte text moves the score by ~0.01.
    private static final double COMPRESSION_TOLERANCE = 0.02;

    record Fixture(
            String generatedBy, String nltkVersion, String python, String bleu, Map<String, ReferenceSet> sets) {}

    record ReferenceSet(
            List<String> texts,
            List<ReferenceSample> samples,
            List<Double> setDistinct,
            List<Double> sentenceBleu,
            double selfBleu,
            double setCompression) {}

    record ReferenceSample(List<String> tokens, List<Double> distinct, double compression) {}

    static Stream<Arguments> referenceSets() throws IOException {
        try (InputStream json =
                DiversityReferenceTest.class.getResourceAsStream("/reference/diversity_reference.json")) {
            Fixture fixture = JsonMapper.builder().build().readValue(json, Fixture.class);
            assertThat(fixture.sets()).containsKeys("main", "edge", "identical", "disjoint", "pair");
            return fixture.sets().entrySet().stream().map(set -> Arguments.of(set.getKey(), set.getValue()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceSets")
    void tokensAndDistinctNMatchTheReference(String name, ReferenceSet set) {
        SampleDiversityCalculator calculator = new SampleDiversityCalculator(50);
        for (int i = 0; i < set.texts().size(); i++) {
            ReferenceSample expected = set.samples().get(i);
            assertThat(WordTokenizer.tokenize(set.texts().get(i))).isEqualTo(expected.tokens());
            SampleDiversity actual = calculator.measure(set.texts().get(i));
            assertThat(actual.distinct1()).isCloseTo(expected.distinct().get(0), within(DISTINCT_TOLERANCE));
            assertThat(actual.distinct2()).isCloseTo(expected.distinct().get(1), within(DISTINCT_TOLERANCE));
            assertThat(actual.distinct3()).isCloseTo(expected.distinct().get(2), within(DISTINCT_TOLERANCE));
            assertThat(actual.compression()).isCloseTo(expected.compression(), within(COMPRESSION_TOLERANCE));
        }
        SetDiversity actualSet = SetDiversityCalculator.measure(
                set.texts(), orthogonal(set.texts().size()));
        assertThat(actualSet.distinct1()).isCloseTo(set.setDistinct().get(0), within(DISTINCT_TOLERANCE));
        assertThat(actualSet.distinct2()).isCloseTo(set.setDistinct().get(1), within(DISTINCT_TOLERANCE));
        assertThat(actualSet.distinct3()).isCloseTo(set.setDistinct().get(2), within(DISTINCT_TOLERANCE));
        assertThat(actualSet.compression()).isCloseTo(set.setCompression(), within(COMPRESSION_TOLERANCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceSets")
    void selfBleuMatchesNltk(String name, ReferenceSet set) {
        List<List<String>> tokens =
                set.texts().stream().map(WordTokenizer::tokenize).toList();
        double[] fast = SelfBleu.sentenceBleus(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            double expected = set.sentenceBleu().get(i);
            assertThat(fast[i]).as("sample %d", i).isCloseTo(expected, within(BLEU_TOLERANCE));
            List<List<String>> others = new ArrayList<>(tokens);
            others.remove(i);
            assertThat(SelfBleu.sentenceBleu(tokens.get(i), others)).isCloseTo(expected, within(BLEU_TOLERANCE));
        }
        assertThat(SelfBleu.selfBleu(tokens)).isCloseTo(set.selfBleu(), within(BLEU_TOLERANCE));
        assertThat(SetDiversityCalculator.measure(set.texts(), orthogonal(tokens.size()))
                        .selfBleu())
                .isCloseTo(set.selfBleu(), within(BLEU_TOLERANCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceSets")
    void theReferenceSetsAreNotTrivial(String name, ReferenceSet set) {
        // Guards against a regenerated fixture that no longer exercises anything.
        assertThat(set.texts()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(set.sentenceBleu()).hasSize(set.texts().size());
    }

    private static float[][] orthogonal(int count) {
        float[][] rows = new float[count][count];
        for (int i = 0; i < count; i++) {
            rows[i][i] = 1;
        }
        return rows;
    }
}
