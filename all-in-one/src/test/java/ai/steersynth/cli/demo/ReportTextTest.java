package ai.steersynth.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    @Test
    void anInvalidJudgeIsFlaggedUnderItsConceptsHeaderAndAnUnassessedOneSaysSo() {
        String flag = "the offline judge's success score cannot tell real sycophancy violations from non-violations";
        Map<String, Object> report = Map.of(
                "sweepId",
                "s1",
                "sections",
                List.of(
                        section("sycophancy", Map.of("flag", flag, "validityAuroc", 0.58)),
                        section("toxicity", Map.of("validityNote", "not assessed yet")),
                        section(
                                "harmful",
                                Map.of(
                                        "judgeId",
                                        "offline",
                                        "validityAuroc",
                                        0.99,
                                        "examples",
                                        2000,
                                        "threshold",
                                        0.7))));

        String text = ReportText.render(report);

        assertThat(text).contains("== sycophancy on m ==\n  !! " + flag + "\n");
        assertThat(text).contains("== toxicity on m ==\n  judge validity: not assessed yet\n");
        assertThat(text)
                .contains("  judge offline AUROC on the real test split 0.990 (2000 examples, threshold 0.700)\n");
    }

    private static Map<String, Object> section(String concept, Map<String, Object> judgeValidity) {
        return Map.of(
                "conceptId",
                concept,
                "modelId",
                "m",
                "beatPrompting",
                Map.of("headline", "0 of 0 steering configs beat prompting"),
                "judgeValidity",
                judgeValidity);
    }
}
