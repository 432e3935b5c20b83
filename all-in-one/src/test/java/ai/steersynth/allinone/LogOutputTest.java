package ai.steersynth.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The all-in-one JVM logs to stderr, so stdout carries only a command's result (demo --json). */
class LogOutputTest {

    @Test
    void logLinesGoToStderrAndNothingToStdout() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            LoggerFactory.getLogger("ai.steersynth.allinone.LogOutputTest").info("marker-info");
            LoggerFactory.getLogger("org.apache.kafka.LogOutputTest").warn("marker-warn");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(capturedErr.toString(StandardCharsets.UTF_8))
                .contains("marker-info")
                .contains("marker-warn");
        assertThat(capturedOut.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
