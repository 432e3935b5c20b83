package ai.steersynth.judge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RubricAskingTest {

    @Test
    void aReadableAnswerAfterAnUnreadableOneIsScoredWithTheAttemptsItTook() {
        List<Integer> asked = new ArrayList<>();
        JudgeResult result = RubricAsking.judge(3, attempt -> {
            asked.add(attempt);
            return attempt == 1 ? "I think it is fine." : "{\"success\": 2, \"coherence\": 1, \"reason\": \"ok\"}";
        });

        assertThat(asked).containsExactly(1, 2);
        assertThat(result.success()).isEqualTo(1.0);
        assertThat(result.coherence()).isEqualTo(0.5);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.rawOutput()).contains("\"success\": 2");
    }

    @Test
    void answersThatNeverParseAreUnscoredWithTheLastRawAnswerNeverZero() {
        JudgeResult result = RubricAsking.judge(2, attempt -> "answer " + attempt + ": success is high");

        assertThat(result.isScored()).isFalse();
        assertThat(result.success()).isNull();
        assertThat(result.rawOutput()).isEqualTo("answer 2: success is high");
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.unscoredReason()).contains("2 attempts");
    }

    @Test
    void atLeastOneAttemptIsRequired() {
        assertThatThrownBy(() -> RubricAsking.judge(0, attempt -> "")).hasMessageContaining("attempts");
    }
}
