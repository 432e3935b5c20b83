package ai.steersynth.judge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LikelihoodCoherenceTest {

    @Test
    void fluencyIsOneHalfAtTheMidpointAndFallsAsTheTextGetsLessLikely() {
        assertThat(LikelihoodCoherence.fluency(LikelihoodCoherence.MIDPOINT)).isCloseTo(0.5, within(1e-12));
        double previous = 1.0;
        for (double nll = 0; nll <= 12; nll += 0.25) {
            double fluency = LikelihoodCoherence.fluency(nll);
            assertThat(fluency).isBetween(0.0, 1.0).isLessThan(previous);
            previous = fluency;
        }
    }

    @Test
    void theMeasuredRangesOfRealAndShuffledTextLandWhereDocsJudgeMdSays() {
        // SmolLM2-135M-Instruct, docs/judge.md: real answers median 2.7 / p90 3.8 nats, shuffled words p10 6.8
        assertThat(LikelihoodCoherence.fluency(2.7)).isGreaterThan(0.99);
        assertThat(LikelihoodCoherence.fluency(3.8)).isGreaterThan(0.96);
        assertThat(LikelihoodCoherence.fluency(6.8)).isLessThan(0.1);
        assertThat(LikelihoodCoherence.fluency(7.6)).isLessThan(0.02);
    }

    @Test
    void theMappingIsTheDocumentedLogistic() {
        double nll = 4.2;
        double expected = 1 / (1 + Math.exp((nll - 5.5) / 0.5));
        assertThat(LikelihoodCoherence.fluency(nll)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void coherenceIsFluencyTimesTheRepetitionScoreSoALikelyLoopStillScoresLow() {
        String loop = "I am happy. I am happy. I am happy. I am happy. I am happy. I am happy.";
        RepetitionCoherence.Breakdown repetition = RepetitionCoherence.score(loop);
        LikelihoodCoherence.Breakdown c = LikelihoodCoherence.score(1.0, repetition);

        assertThat(c.fluency()).isGreaterThan(0.99);
        assertThat(c.coherence()).isCloseTo(c.fluency() * repetition.coherence(), within(1e-12));
        assertThat(c.coherence()).isLessThan(0.3);
    }

    @Test
    void aNegativeOrMissingLikelihoodIsRejected() {
        assertThatThrownBy(() -> LikelihoodCoherence.fluency(-0.1)).hasMessageContaining("meanNegativeLogLikelihood");
        assertThatThrownBy(() -> LikelihoodCoherence.fluency(Double.NaN))
                .hasMessageContaining("meanNegativeLogLikelihood");
    }
}
