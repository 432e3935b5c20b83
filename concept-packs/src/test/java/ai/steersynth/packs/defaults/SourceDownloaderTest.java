package ai.steersynth.packs.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.packs.format.PackHashes;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the downloader against an HTTP server on the loopback interface; nothing leaves the machine. */
class SourceDownloaderTest {

    private static final byte[] BODY = "[{\"question\": \"q\"}]".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data.json", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.createContext("/missing.json", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private SourceFile source(String path, String sha256) {
        URI uri = URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + path);
        return new SourceFile("sycophancy/open.json", uri, sha256);
    }

    @Test
    void aVerifiedDownloadLandsInTheCacheLayoutAndIsReusedWithoutAnotherRequest(@TempDir Path cache)
            throws IOException {
        SourceDownloader downloader = new SourceDownloader(cache);
        SourceFile file = source("/data.json", PackHashes.sha256Hex(BODY));

        Path first = downloader.fetch(file);
        Path second = downloader.fetch(file);

        assertThat(first).isEqualTo(cache.resolve("sycophancy/open.json")).isEqualTo(second);
        assertThat(Files.readAllBytes(first)).isEqualTo(BODY);
        assertThat(requests.get()).isEqualTo(1);
        assertThat(downloader.fetchAll(List.of(file))).isEqualTo(cache);
    }

    @Test
    void aDownloadWithTheWrongHashIsRejectedAndNotKept(@TempDir Path cache) throws IOException {
        SourceFile file = source("/data.json", "0".repeat(64));
        assertThatThrownBy(() -> new SourceDownloader(cache).fetch(file))
                .isInstanceOf(SourceVerificationException.class)
                .hasMessageContaining("pins " + "0".repeat(64));
        try (var files = Files.walk(cache)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void anHttpErrorIsReportedWithTheStatus(@TempDir Path cache) {
        SourceFile file = source("/missing.json", PackHashes.sha256Hex(BODY));
        assertThatThrownBy(() -> new SourceDownloader(cache).fetch(file))
                .isInstanceOf(SourceVerificationException.class)
                .hasMessageContaining("HTTP status 404");
    }

    @Test
    void anUnpinnedUrlIsDownloadedUnderItsFileName(@TempDir Path cache) throws IOException {
        URI uri = URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/data.json");
        Path file = new SourceDownloader(cache).fetchUnpinned(uri);
        assertThat(file).isEqualTo(cache.resolve("downloads/data.json"));
        assertThat(Files.readAllBytes(file)).isEqualTo(BODY);
    }
}
