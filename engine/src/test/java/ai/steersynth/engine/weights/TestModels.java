package ai.steersynth.engine.weights;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The default model for tests that need real weights, from STEERSYNTH_TEST_MODEL (a .gguf path). */
public final class TestModels {

    public static final String VARIABLE = "STEERSYNTH_TEST_MODEL";

    private TestModels() {}

    /**
     * The model path, or the test is skipped (not failed) when the variable is unset or the file is
     * missing; {@code bash ../shared/tools/fetch-model.sh} prints a path to use.
     */
    public static Path defaultModel() {
        String value = System.getenv(VARIABLE);
        assumeTrue(
                value != null && !value.isBlank() && Files.isRegularFile(Path.of(value)),
                "skipped: set " + VARIABLE + " to the SmolLM2-135M-Instruct GGUF (path printed by "
                        + "../shared/tools/fetch-model.sh) to run tests against real weights; it is "
                        + (value == null ? "unset" : "'" + value + "', which is not a file"));
        return Path.of(value);
    }
}
