package ai.steersynth.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StageTimesTest {

    @Test
    void eachIntervalGoesToEveryStageWorkingThenAndToNothingWorkingWhenNoneWas() {
        StageTimes times = new StageTimes();
        times.add(reading(Map.of("extraction", 1), Map.of()), 2.0);
        times.add(reading(Map.of("generation", 1, "judging", 2), Map.of()), 1.0);
        times.add(reading(Map.of("generation", 0, "judging", 0), Map.of()), 3.0);
        times.add(
                reading(
                        Map.of("training", 1),
                        Map.of("generation", new StageTimes.Busy(0.9, 4), "training", new StageTimes.Busy(0.5, 1))),
                0.5);

        assertThat(times.observedSeconds()).isCloseTo(6.5, within(1e-9));
        assertThat(times.workingSeconds("extraction")).isCloseTo(2.0, within(1e-9));
        // Overlapping stages each get the whole interval.
        assertThat(times.workingSeconds("generation")).isCloseTo(1.0, within(1e-9));
        assertThat(times.workingSeconds("judging")).isCloseTo(1.0, within(1e-9));
        assertThat(times.workingSeconds("training")).isCloseTo(0.5, within(1e-9));
        assertThat(times.idleSeconds()).isCloseTo(3.0, within(1e-9));
        assertThat(times.stages()).containsExactly("extraction", "generation", "judging", "training");
    }

    @Test
    void theJsonCarriesTheLatestBusyTotalsNextToTheWallSecondsWorking() {
        StageTimes times = new StageTimes();
        times.add(reading(Map.of("generation", 1), Map.of("generation", new StageTimes.Busy(0.5, 1))), 1.0);
        times.add(reading(Map.of("generation", 1), Map.of("generation", new StageTimes.Busy(1.75, 3))), 1.0);

        Map<String, Object> json = times.toJson();

        assertThat(json).containsEntry("observedSeconds", 2.0).containsEntry("nothingWorkingSeconds", 0.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> generation =
                (Map<String, Object>) ((Map<String, Object>) json.get("stages")).get("generation");
        assertThat(generation)
                .containsEntry("workingWallSeconds", 2.0)
                .containsEntry("busySeconds", 1.8)
                .containsEntry("units", 3L);
        assertThat(times.render())
                .contains("Where the sweep's 0:02 went")
                .containsPattern("generation\\s+0:02\\s+100%\\s+0:02\\s+3")
                .containsPattern("nothing working\\s+0:00\\s+0%");
    }

    @Test
    void aStageTheDemoDoesNotKnowIsListedAfterThePipelineStages() {
        StageTimes times = new StageTimes();
        times.add(reading(Map.of("audit", 1, "training", 1, "generation", 1), Map.of()), 1.0);

        assertThat(times.stages()).containsExactly("generation", "training", "audit");
    }

    @Test
    void negativeIntervalsAreRefused() {
        assertThatThrownBy(() -> new StageTimes().add(reading(Map.of(), Map.of()), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seconds");
    }

    private static StageTimes.Reading reading(Map<String, Integer> active, Map<String, StageTimes.Busy> busy) {
        return new StageTimes.Reading(active, busy);
    }
}
