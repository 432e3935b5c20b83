package ai.steersynth.allinone;

import ai.steersynth.packs.defaults.DefaultPackDefinition;
import ai.steersynth.packs.defaults.DefaultPacks;
import ai.steersynth.packs.defaults.SourceDownloader;
import ai.steersynth.packs.defaults.SourceVerifier;
import ai.steersynth.packs.format.PackJson;
import ai.steersynth.packs.importer.ImportResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the four default concept packs into a running stack when they are not there yet: built from
 * a local copy of their public sources when one verifies, else downloaded (and checked against their
 * pinned sha256). Packs go in through the gateway, so they are validated and announced like any upload.
 */
public final class DefaultPackLoader {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String gatewayUrl;
    private final String apiKey;

    public DefaultPackLoader(String gatewayUrl, String apiKey) {
        this.gatewayUrl = gatewayUrl;
        this.apiKey = apiKey;
    }

    /**
     * What happened to one default pack.
     *
     * @param packId the pack
     * @param loaded whether it was built and uploaded now
     * @param detail counts when loaded, else why not
     */
    public record Outcome(String packId, boolean loaded, String detail) {}

    /**
     * Loads every default pack the stack lacks.
     *
     * @param localSources directories laid out like the shared data folder, tried in order
     * @param downloader fetches the sources when no local copy verifies; null = do not download
     */
    public List<Outcome> loadMissing(List<Path> localSources, SourceDownloader downloader) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (DefaultPackDefinition definition : DefaultPacks.all()) {
            outcomes.add(loadIfMissing(definition, localSources, downloader));
        }
        return outcomes;
    }

    private Outcome loadIfMissing(
            DefaultPackDefinition definition, List<Path> localSources, SourceDownloader downloader)
            throws InterruptedException {
        String id = definition.id();
        try {
            if (send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/packs/" + id))
                                    .GET())
                            .statusCode()
                    == 200) {
                return new Outcome(id, false, "already present");
            }
            Optional<Path> sources = localSources.stream()
                    .filter(dir -> verifies(definition, dir))
                    .findFirst();
            Path directory;
            if (sources.isPresent()) {
                directory = sources.get();
            } else if (downloader != null) {
                directory = downloader.fetchAll(definition.sources());
            } else {
                return new Outcome(id, false, "sources not found in " + localSources + " and downloading is off");
            }
            ImportResult built = DefaultPacks.build(id, directory);
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/packs"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(PackJson.toJson(built.pack()))));
            if (response.statusCode() / 100 != 2) {
                return new Outcome(id, false, "upload refused (" + response.statusCode() + "): " + response.body());
            }
            var data = built.pack().detectorData();
            return new Outcome(
                    id,
                    true,
                    "train %d / judge %d / test %d examples, %d pairs, %d prompts, from %s"
                            .formatted(
                                    data.train().size(),
                                    data.judge().size(),
                                    data.test().size(),
                                    built.pack().contrastivePairs().size(),
                                    built.pack().generationPrompts().size(),
                                    directory));
        } catch (IOException | RuntimeException e) {
            return new Outcome(id, false, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static boolean verifies(DefaultPackDefinition definition, Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try {
            SourceVerifier.verify(definition.sources(), directory);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("X-API-Key", apiKey).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Where to look for local sources: {@code STEERSYNTH_SHARED_DATA}, then {@code ../shared/data}
     * and {@code shared/data} relative to the working directory.
     */
    public static List<Path> localSourceDirectories(String sharedDataEnv) {
        List<Path> directories = new ArrayList<>();
        if (sharedDataEnv != null && !sharedDataEnv.isBlank()) {
            directories.add(Path.of(sharedDataEnv));
        }
        directories.add(Path.of("..", "shared", "data").toAbsolutePath().normalize());
        directories.add(Path.of("shared", "data").toAbsolutePath().normalize());
        return directories;
    }
}
