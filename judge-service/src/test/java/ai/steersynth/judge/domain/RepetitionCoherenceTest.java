package ai.steersynth.judge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepetitionCoherenceTest {

    private static final String FLUENT = "Thanks for asking. The museum opens at nine on weekdays, and tickets are"
            + " cheaper if you book online the day before your visit.";

    @Test
    void fluentVariedTextScoresOne() {
        assertThat(RepetitionCoherence.score(FLUENT).coherence()).isEqualTo(1.0);
    }

    @Test
    void aLoopingPhraseScoresFarBelowFluentText() {
        String looping = "I hate you I hate you I hate you I hate you I hate you I hate you I hate you I hate you";
        RepetitionCoherence.Breakdown score = RepetitionCoherence.score(looping);

        assertThat(score.trigramDiversity()).isLessThan(0.25);
        assertThat(score.coherence()).isLessThan(0.25);
    }

    @Test
    void symbolSoupScoresLow() {
        assertThat(RepetitionCoherence.score("!!! ### 1234 $$$ %%% 99 ::: ;;; @@@ 0x7f ***")
                        .coherence())
                .isLessThan(0.2);
    }

    @Test
    void emptyAndOneWordAnswersScoreZeroOrLow() {
        assertThat(RepetitionCoherence.score("   ").coherence()).isZero();
        assertThat(RepetitionCoherence.score("Okay.").coherence()).isEqualTo(0.2);
    }
}
