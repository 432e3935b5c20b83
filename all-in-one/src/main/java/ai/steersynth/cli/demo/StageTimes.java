package ai.steersynth.cli.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a sweep's wall time went, stage by stage: the demo samples the services' stage meters about once a second
 * ({@link Reading}) and attributes the time since the previous sample to every stage that was working at that moment,
 * or to "nothing working" when none was. Stages run side by side, so their wall seconds overlap; the busy
 * thread-seconds come from the services' own timers and count every unit of work in full.
 */
final class StageTimes {

    /** Pipeline order; stages not listed here follow alphabetically. */
    private static final List<String> ORDER = List.of("extraction", "generation", "judging", "diversity", "training");

    /**
     * The meters at one moment.
     *
     * @param active units of work running now, by stage
     * @param busy finished work so far, by stage
     */
    record Reading(Map<String, Integer> active, Map<String, Busy> busy) {
        Reading {
            active = Map.copyOf(active);
            busy = Map.copyOf(busy);
        }
    }

    /**
     * A stage's finished work.
     *
     * @param seconds summed duration (thread-seconds)
     * @param units units of work finished
     */
    record Busy(double seconds, long units) {}

    private final Map<String, Double> working = new TreeMap<>();
    private double idle;
    private double observed;
    private Map<String, Busy> busy = Map.of();

    /** Attributes {@code seconds} (the time since the previous reading) to the stages working in {@code reading}. */
    void add(Reading reading, double seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative, got " + seconds);
        }
        observed += seconds;
        boolean any = false;
        for (var entry : reading.active().entrySet()) {
            if (entry.getValue() > 0) {
                working.merge(entry.getKey(), seconds, Double::sum);
                any = true;
            }
        }
        if (!any) {
            idle += seconds;
        }
        busy = reading.busy();
    }

    /** Seconds observed in all. */
    double observedSeconds() {
        return observed;
    }

    /** Seconds in which no stage was working. */
    double idleSeconds() {
        return idle;
    }

    /** Wall seconds in which the stage had work running (0 when never seen working). */
    double workingSeconds(String stage) {
        return working.getOrDefault(stage, 0.0);
    }

    /** The stages seen, in pipeline order. */
    List<String> stages() {
        List<String> stages = new ArrayList<>(working.keySet());
        busy.keySet().stream().filter(s -> !stages.contains(s)).forEach(stages::add);
        stages.sort(Comparator.comparingInt((String s) -> ORDER.contains(s) ? ORDER.indexOf(s) : ORDER.size())
                .thenComparing(Comparator.naturalOrder()));
        return stages;
    }

    /** For {@code timings.json}. */
    Map<String, Object> toJson() {
        Map<String, Object> stages = new LinkedHashMap<>();
        for (String stage : stages()) {
            Busy b = busy.getOrDefault(stage, new Busy(0, 0));
            stages.put(
                    stage,
                    Map.of(
                            "workingWallSeconds",
                            round(workingSeconds(stage)),
                            "busySeconds",
                            round(b.seconds()),
                            "units",
                            b.units()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("observedSeconds", round(observed));
        json.put("nothingWorkingSeconds", round(idle));
        json.put("stages", stages);
        return json;
    }

    /** A small table for the terminal. */
    String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT, "Where the sweep's %s went (stages overlap; busy = thread time):%n", clock(observed)));
        out.append(
                String.format(Locale.ROOT, "  %-16s %9s %6s %10s %7s%n", "stage", "working", "share", "busy", "units"));
        for (String stage : stages()) {
            Busy b = busy.getOrDefault(stage, new Busy(0, 0));
            out.append(String.format(
                    Locale.ROOT,
                    "  %-16s %9s %5.0f%% %10s %7d%n",
                    stage,
                    clock(workingSeconds(stage)),
                    share(workingSeconds(stage)),
                    clock(b.seconds()),
                    b.units()));
        }
        out.append(String.format(Locale.ROOT, "  %-16s %9s %5.0f%%%n", "nothing working", clock(idle), share(idle)));
        return out.toString();
    }

    private double share(double seconds) {
        return observed == 0 ? 0 : 100 * seconds / observed;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
