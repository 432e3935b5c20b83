package ai.steersynth.packs.defaults;

import ai.steersynth.packs.format.PackHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Downloads default-pack sources from their upstream URLs into a cache directory laid out like the
 * shared data folder. A cached file whose sha256 matches is used as is; a download is written to a
 * temporary file, checked, and only then moved into place, so the cache never holds a partial or
 * wrong file.
 */
public final class SourceDownloader {

    private final Path cacheDirectory;
    private final HttpClient http;

    public SourceDownloader(Path cacheDirectory) {
        this(
                cacheDirectory,
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(Duration.ofSeconds(30))
                        .build());
    }

    public SourceDownloader(Path cacheDirectory, HttpClient http) {
        this.cacheDirectory = cacheDirectory;
        this.http = http;
    }

    /** The default cache: {@code $STEERSYNTH_CACHE/sources}, else {@code ~/.cache/steersynth/sources}. */
    public static Path defaultCacheDirectory() {
        String env = System.getenv("STEERSYNTH_CACHE");
        Path base = env != null && !env.isBlank()
                ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "steersynth");
        return base.resolve("sources");
    }

    /** Fetches every source (cached or downloaded) and returns the cache directory to build from. */
    public Path fetchAll(List<SourceFile> sources) {
        sources.forEach(this::fetch);
        return cacheDirectory;
    }

    /**
     * The verified local copy of one source.
     *
     * @throws SourceVerificationException when the download fails or its sha256 differs
     */
    public Path fetch(SourceFile source) {
        Path target = cacheDirectory.resolve(source.path());
        try {
            if (Files.isRegularFile(target) && PackHashes.sha256Hex(target).equals(source.sha256())) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), source.fileName(), ".part");
            try {
                download(source.upstream(), partial);
                String actual = PackHashes.sha256Hex(partial);
                if (!actual.equals(source.sha256())) {
                    throw new SourceVerificationException("Downloaded " + source.upstream() + " has sha256 " + actual
                            + " but the catalogue pins " + source.sha256() + "; not using it");
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + source.path() + " in " + cacheDirectory, e);
        }
    }

    /**
     * Downloads a file that no catalogue pins (a user's own dataset URL) into {@code
     * downloads/<file name>} of the cache, replacing an earlier copy. Its sha256 is recorded in the
     * pack provenance by the importer, like any other source.
     */
    public Path fetchUnpinned(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isBlank() || name.equals("..") || name.equals(".")) {
            name = "download";
        }
        Path target = cacheDirectory.resolve("downloads").resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), name, ".part");
            try {
                download(url, partial);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + url + " in " + cacheDirectory, e);
        }
    }

    private void download(URI url, Path partial) throws IOException {
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<Path> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofFile(partial));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceVerificationException("Interrupted while downloading " + url, e);
        } catch (IOException e) {
            throw new SourceVerificationException("Cannot download " + url + ": " + e.getMessage(), e);
        }
        if (response.statusCode() != 200) {
            throw new SourceVerificationException(
                    "Downloading " + url + " failed with HTTP status " + response.statusCode());
        }
    }
}
