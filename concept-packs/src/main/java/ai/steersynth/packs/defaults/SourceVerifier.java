package ai.steersynth.packs.defaults;

import ai.steersynth.packs.format.PackHashes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks that pinned source files are present and byte-identical to what the catalogue expects. */
public final class SourceVerifier {

    private SourceVerifier() {}

    /**
     * Verifies every file under {@code sourceDirectory}.
     *
     * @throws SourceVerificationException naming the first missing or changed file, with both hashes
     */
    public static void verify(List<SourceFile> sources, Path sourceDirectory) {
        for (SourceFile source : sources) {
            Path file = sourceDirectory.resolve(source.path());
            if (!Files.isRegularFile(file)) {
                throw new SourceVerificationException("Missing source file " + file + "; download it from "
                        + source.upstream() + " (or run `pack build-defaults` with a URL source)");
            }
            String actual = PackHashes.sha256Hex(file);
            if (!actual.equals(source.sha256())) {
                throw new SourceVerificationException("Source file " + file + " has sha256 " + actual
                        + " but the catalogue pins " + source.sha256() + " (" + source.upstream()
                        + "); the file has changed or is not the expected version");
            }
        }
    }
}
