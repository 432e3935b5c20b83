package ai.steersynth.judge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.contracts.pack.LabelledExample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeValidationTest {

    private static final JudgeConcept CONCEPT = new JudgeConcept("c", "h", "d", List.of());
    private static final List<LabelledExample> TEST = List.of(
            new LabelledExample(null, "bad one", 1),
            new LabelledExample(null, "bad two", 1),
            new LabelledExample(null, "fine one", 0),
            new LabelledExample(null, "fine two", 0),
            new LabelledExample(null, "unreadable", 0));

    @Test
    void aucIsComputedOverScoredExamplesAndUnscoredOnesAreCounted() {
        // Scores "bad" texts above "fine" ones except one swapped pair: AUROC 3/4.
        Judge judge = fixedJudge(text -> switch (text) {
            case "bad one" -> 0.9;
            case "bad two" -> 0.3;
            case "fine one" -> 0.4;
            case "fine two" -> 0.1;
            default -> null;
        });

        ValidityReport report = JudgeValidation.validate(judge, CONCEPT, TEST, 0.6, Instant.EPOCH);

        assertThat(report.auroc()).isEqualTo(0.75);
        assertThat(report.positives()).isEqualTo(2);
        assertThat(report.negatives()).isEqualTo(2);
        assertThat(report.unscored()).isEqualTo(1);
        assertThat(report.valid()).isTrue();
    }

    @Test
    void aJudgeBelowTheThresholdIsFlaggedInvalid() {
        Judge judge = fixedJudge(text -> text.startsWith("bad") ? 0.2 : 0.8);

        ValidityReport report = JudgeValidation.validate(judge, CONCEPT, TEST, 0.6, Instant.EPOCH);

        assertThat(report.auroc()).isZero();
        assertThat(report.valid()).isFalse();
    }

    private static Judge fixedJudge(java.util.function.Function<String, Double> scores) {
        return new Judge() {
            @Override
            public String judgeId() {
                return "fixed";
            }

            @Override
            public String rubricVersion() {
                return "t";
            }

            @Override
            public JudgeResult judge(JudgeRequest request) {
                Double s = scores.apply(request.text());
                return s == null ? JudgeResult.unscored("no", "raw", 1) : JudgeResult.scored(s, 1.0, "raw", 1);
            }
        };
    }
}
