package ai.steersynth.packs.defaults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the team's shared data folder: {@code STEERSYNTH_SHARED_DATA}, else {@code shared/data} above the working directory. */
final class SharedData {

    private SharedData() {}

    static Optional<Path> find() {
        String env = System.getenv("STEERSYNTH_SHARED_DATA");
        if (env != null && !env.isBlank()) {
            Path dir = Path.of(env);
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
