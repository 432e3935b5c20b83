package ai.steersynth.packs.defaults;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * One public data file a default pack is built from.
 *
 * @param path where it lies in a source directory, e.g. {@code toxicity/davidson_labeled_data.csv}
 *     (the layout of the team's shared data folder and of the download cache)
 * @param upstream where users download it from, pinned to a commit
 * @param sha256 the expected sha256 of its bytes, lower-case hex
 */
public record SourceFile(String path, URI upstream, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public SourceFile {
        if (path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException(
                    "source path must be relative and stay inside the source directory: " + path);
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
    }

    /** The file's name without its folder. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
