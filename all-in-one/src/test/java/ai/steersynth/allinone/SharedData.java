package ai.steersynth.allinone;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared public datasets beside the repository; tests that need them skip when absent. */
final class SharedData {

    private SharedData() {}

    /** {@code STEERSYNTH_SHARED_DATA}, else {@code ../shared/data} from the repo root; skips the test when absent. */
    static Path directory() {
        String env = System.getenv("STEERSYNTH_SHARED_DATA");
        Path candidate = env != null && !env.isBlank()
                ? Path.of(env)
                : Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();
        assumeTrue(
                Files.isDirectory(candidate),
                "shared data not found at " + candidate + " (set STEERSYNTH_SHARED_DATA): skipping");
        return candidate;
    }
}
