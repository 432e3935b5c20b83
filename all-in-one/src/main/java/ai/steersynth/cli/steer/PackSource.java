package ai.steersynth.cli.steer;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.packs.defaults.DefaultPacks;
import ai.steersynth.packs.format.PackJson;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves {@code --pack}: a pack JSON file, or the id of a default pack built from the shared data
 * directory ({@code STEERSYNTH_SHARED_DATA}, else {@code ../shared/data} from the working directory).
 */
final class PackSource {

    static final String SHARED_DATA_VARIABLE = "STEERSYNTH_SHARED_DATA";

    private PackSource() {}

    static ConceptPack load(String pack) {
        Path file = Path.of(pack);
        if (Files.isRegularFile(file)) {
            return PackJson.read(file);
        }
        boolean isDefault = DefaultPacks.all().stream().anyMatch(d -> d.id().equals(pack));
        if (!isDefault) {
            throw new IllegalArgumentException(pack + " is neither a pack file nor a default pack ("
                    + DefaultPacks.all().stream().map(d -> d.id()).toList() + ")");
        }
        return DefaultPacks.build(pack, sharedData()).pack();
    }

    private static Path sharedData() {
        String configured = System.getenv(SHARED_DATA_VARIABLE);
        Path directory =
                configured == null || configured.isBlank() ? Path.of("..", "shared", "data") : Path.of(configured);
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("default packs are built from the shared data directory, and "
                    + directory.toAbsolutePath().normalize() + " is not one; set " + SHARED_DATA_VARIABLE);
        }
        return directory;
    }
}
