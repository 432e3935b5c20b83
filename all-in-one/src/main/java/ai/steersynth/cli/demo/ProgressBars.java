package ai.steersynth.cli.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Renders a sweep's per-stage progress as bars: redrawn in place on a terminal, one summary line
 * at a time otherwise (logs, CI).
 */
final class ProgressBars {

    private static final int WIDTH = 30;
    private static final List<String> STAGES = List.of("generation", "judging", "diversity", "training");

    private final PrintStream out;
    private final boolean terminal;
    private int linesDrawn;
    private String lastLine = "";

    ProgressBars(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Draws the progress of a sweep view as returned by {@code GET /api/sweeps/{id}}. */
    void draw(Map<?, ?> sweep) {
        Map<?, ?> progress = (Map<?, ?>) sweep.get("progress");
        StringBuilder block = new StringBuilder();
        StringBuilder line = new StringBuilder(String.valueOf(sweep.get("state")));
        for (String stage : STAGES) {
            Map<?, ?> p = (Map<?, ?>) progress.get(stage);
            int expected =
                    number(p, "samplesExpected") > 0 ? number(p, "samplesExpected") : number(p, "configsExpected");
            int done = number(p, "samplesExpected") > 0
                    ? number(p, "samplesDone") + number(p, "samplesFailed")
                    : number(p, "configsDone") + number(p, "configsFailed");
            String unit = number(p, "samplesExpected") > 0 ? "samples" : "configs";
            block.append(String.format("  %-10s %s %5d/%-5d %s%n", stage, bar(done, expected), done, expected, unit));
            line.append(String.format(" | %s %d/%d", stage, done, expected));
        }
        if (terminal) {
            if (linesDrawn > 0) {
                out.printf("\033[%dA", linesDrawn);
            }
            out.print(block);
            linesDrawn = STAGES.size();
        } else if (!line.toString().equals(lastLine)) {
            out.println(line);
            lastLine = line.toString();
        }
        out.flush();
    }

    private static String bar(int done, int expected) {
        int filled = expected == 0 ? WIDTH : (int) Math.round(WIDTH * Math.min(1.0, done / (double) expected));
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }

    private static int number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value instanceof Number n ? n.intValue() : 0;
    }
}
