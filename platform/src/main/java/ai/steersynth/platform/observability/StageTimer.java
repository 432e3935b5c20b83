package ai.steersynth.platform.observability;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Times the work of the pipeline's stages (extraction, generation, judging, diversity, training), so an operator
 * can see where a sweep's time goes. Per stage, two meters tagged {@code stage}:
 *
 * <ul>
 *   <li>{@value #ACTIVE} (a long task timer): how many units of work run right now; sampled over time it tells
 *       the seconds in which a stage was working and those in which nothing was;
 *   <li>{@value #BUSY} (a timer): the summed duration of finished units, in thread-seconds (stages run side by
 *       side, so the stages' sums can exceed the wall time).
 * </ul>
 *
 * Both are in {@code /actuator/metrics} and {@code /actuator/prometheus}.
 */
public final class StageTimer {

    /** Units of work of a stage in progress now. */
    public static final String ACTIVE = "steersynth.stage.active";

    /** Summed duration of a stage's finished units of work. */
    public static final String BUSY = "steersynth.stage.busy";

    /** The tag naming the stage. */
    public static final String STAGE_TAG = "stage";

    public static final String EXTRACTION = "extraction";
    public static final String GENERATION = "generation";
    public static final String JUDGING = "judging";
    public static final String DIVERSITY = "diversity";
    public static final String TRAINING = "training";

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Meters> stages = new ConcurrentHashMap<>();

    public StageTimer(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Runs {@code work} as one unit of {@code stage}'s work and returns its result. */
    public <T> T time(String stage, Supplier<T> work) {
        Meters meters = meters(stage);
        LongTaskTimer.Sample active = meters.active().start();
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            active.stop();
            meters.busy().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** Runs {@code work} as one unit of {@code stage}'s work. */
    public void run(String stage, Runnable work) {
        time(stage, () -> {
            work.run();
            return null;
        });
    }

    private Meters meters(String stage) {
        if (stage == null || stage.isBlank()) {
            throw new IllegalArgumentException("stage must be named");
        }
        return stages.computeIfAbsent(
                stage,
                name -> new Meters(
                        LongTaskTimer.builder(ACTIVE)
                                .description("Units of work of a pipeline stage running now")
                                .tag(STAGE_TAG, name)
                                .register(registry),
                        Timer.builder(BUSY)
                                .description("Time spent in a pipeline stage's finished units of work")
                                .tag(STAGE_TAG, name)
                                .register(registry)));
    }

    private record Meters(LongTaskTimer active, Timer busy) {}
}
