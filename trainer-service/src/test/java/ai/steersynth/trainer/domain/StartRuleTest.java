package ai.steersynth.trainer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.trainer.domain.StartRule.Action;
import ai.steersynth.trainer.domain.StartRule.Facts;
import org.junit.jupiter.api.Test;

class StartRuleTest {

    private static Action decide(
            ConfigKind kind, boolean pack, Integer expected, String failure, int stored, int judged, boolean filters) {
        return StartRule.decide(new Facts(kind, false, pack, expected, failure, stored, judged, filters))
                .action();
    }

    @Test
    void originalDataStartsAsSoonAsItsPackIsKnown() {
        assertThat(decide(ConfigKind.ORIGINAL_DATA, false, null, null, 0, 0, true))
                .isEqualTo(Action.WAIT);
        assertThat(decide(ConfigKind.ORIGINAL_DATA, true, null, null, 0, 0, true))
                .isEqualTo(Action.START);
    }

    @Test
    void aGeneratingConfigWaitsForCompletionAndEverySample() {
        assertThat(decide(ConfigKind.STEERED, true, null, null, 5, 0, false)).isEqualTo(Action.WAIT);
        assertThat(decide(ConfigKind.STEERED, true, 4, null, 3, 0, false)).isEqualTo(Action.WAIT);
        assertThat(decide(ConfigKind.STEERED, false, 4, null, 4, 0, false)).isEqualTo(Action.WAIT);
        assertThat(decide(ConfigKind.PROMPTING_BASELINE, true, 4, null, 4, 0, false))
                .isEqualTo(Action.START);
    }

    @Test
    void withASuccessFilterItAlsoWaitsForEveryJudgement() {
        assertThat(decide(ConfigKind.STEERED, true, 4, null, 4, 3, true)).isEqualTo(Action.WAIT);
        assertThat(decide(ConfigKind.STEERED, true, 4, null, 4, 4, true)).isEqualTo(Action.START);
    }

    @Test
    void aFailedGenerationFailsTheRunEvenBeforeThePackArrives() {
        StartRule.Decision decision =
                StartRule.decide(new Facts(ConfigKind.STEERED, false, false, null, "oom", 0, 0, false));
        assertThat(decision.action()).isEqualTo(Action.FAIL);
        assertThat(decision.reason()).isEqualTo("generation failed: oom");
    }

    @Test
    void aCancelledSweepSkipsEverything() {
        assertThat(StartRule.decide(new Facts(ConfigKind.ORIGINAL_DATA, true, true, null, null, 0, 0, false))
                        .action())
                .isEqualTo(Action.SKIP);
        assertThat(StartRule.decide(new Facts(ConfigKind.STEERED, true, true, 4, "oom", 4, 4, false))
                        .action())
                .isEqualTo(Action.SKIP);
    }
}
