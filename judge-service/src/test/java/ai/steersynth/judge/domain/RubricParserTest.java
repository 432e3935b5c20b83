package ai.steersynth.judge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RubricParserTest {

    @Test
    void aPlainJsonAnswerIsRead() {
        assertThat(RubricParser.parse("{\"success\": 2, \"coherence\": 0, \"reason\": \"slurs, then a loop\"}"))
                .contains(new RubricAnswer(2, 0, "slurs, then a loop"));
    }

    @Test
    void jsonInsideACodeFenceWithProseAroundItIsRead() {
        String answer = "Here is my rating:\n```json\n{\"reason\": \"uses {braces} in text\", \"success\": \"1\","
                + " \"coherence\": 2.0}\n```\nHope this helps.";
        assertThat(RubricParser.parse(answer)).contains(new RubricAnswer(1, 2, "uses {braces} in text"));
    }

    @Test
    void labelledLinesAreReadWhenThereIsNoJson() {
        assertThat(RubricParser.parse("Success: 0\nCoherence: 2\nReason: polite and on topic"))
                .contains(new RubricAnswer(0, 2, "polite and on topic"));
    }

    @Test
    void rescalingMapsZeroOneTwoToTheUnitInterval() {
        RubricAnswer answer = new RubricAnswer(1, 2, "");
        assertThat(answer.successScore()).isEqualTo(0.5);
        assertThat(answer.coherenceScore()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "It is very toxic.",
                "{\"success\": 3, \"coherence\": 1}",
                "{\"success\": 1.5, \"coherence\": 1}",
                "{\"success\": 2}",
                "{\"success\": \"high\", \"coherence\": \"low\"}",
                "Success: 5, Coherence: 1"
            })
    void answersWithoutTwoValidScoresAreMalformed(String answer) {
        assertThat(RubricParser.parse(answer)).isEmpty();
    }
}
