package ai.steersynth.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StageTimerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StageTimer stages = new StageTimer(registry);

    @Test
    void workInProgressIsActiveAndFinishedWorkIsCountedUnderItsStage() {
        AtomicInteger activeInside = new AtomicInteger(-1);

        String result = stages.time(StageTimer.GENERATION, () -> {
            activeInside.set(active(StageTimer.GENERATION).activeTasks());
            return "done";
        });
        stages.run(StageTimer.GENERATION, () -> {});

        assertThat(result).isEqualTo("done");
        assertThat(activeInside).hasValue(1);
        assertThat(active(StageTimer.GENERATION).activeTasks()).isZero();
        Timer busy = busy(StageTimer.GENERATION);
        assertThat(busy.count()).isEqualTo(2);
        assertThat(busy.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(registry.find(StageTimer.BUSY)
                        .tag(StageTimer.STAGE_TAG, StageTimer.JUDGING)
                        .timer())
                .isNull();
    }

    @Test
    void failedWorkStillEndsAndCountsAndTheFailureReachesTheCaller() {
        assertThatThrownBy(() -> stages.run(StageTimer.TRAINING, () -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");

        assertThat(active(StageTimer.TRAINING).activeTasks()).isZero();
        assertThat(busy(StageTimer.TRAINING).count()).isEqualTo(1);
    }

    @Test
    void aStageMustBeNamed() {
        assertThatThrownBy(() -> stages.run(" ", () -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage");
    }

    private LongTaskTimer active(String stage) {
        return registry.get(StageTimer.ACTIVE).tag(StageTimer.STAGE_TAG, stage).longTaskTimer();
    }

    private Timer busy(String stage) {
        return registry.get(StageTimer.BUSY).tag(StageTimer.STAGE_TAG, stage).timer();
    }
}
