package ai.steersynth.judge.domain;

import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The rule every rubric judge follows for unreadable answers: ask, parse with {@link RubricParser}, ask
 * again while the answer cannot be read, and after the last attempt record the result as unscored with
 * the judge's last raw answer, never as a score of 0. A readable answer is rescaled from 0/1/2 to 0, 0.5, 1.
 */
public final class RubricAsking {

    private RubricAsking() {}

    /**
     * @param attempts how many answers to ask for at most
     * @param ask the judge's answer to the {@code attempt}-th question (1-based)
     */
    public static JudgeResult judge(int attempts, IntFunction<String> ask) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        String lastAnswer = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            lastAnswer = ask.apply(attempt);
            Optional<RubricAnswer> answer = RubricParser.parse(lastAnswer);
            if (answer.isPresent()) {
                return JudgeResult.scored(
                        answer.get().successScore(), answer.get().coherenceScore(), lastAnswer, attempt);
            }
        }
        return JudgeResult.unscored(
                "judge answer could not be read as a 0/1/2 rubric score after " + attempts + " attempts",
                lastAnswer == null ? "" : lastAnswer,
                attempts);
    }
}
