package ai.steersynth.packs.defaults;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.packs.format.PackHashes;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceVerifierTest {

    private static final String CONTENT = "class,tweet\n2,hello\n";

    private static SourceFile source(String sha256) {
        return new SourceFile("toxicity/d.csv", URI.create("https://example.org/d.csv"), sha256);
    }

    private static String sha() {
        return PackHashes.sha256Hex(CONTENT.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMatchingFilePasses(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("toxicity"));
        Files.writeString(dir.resolve("toxicity/d.csv"), CONTENT);
        assertThatCode(() -> SourceVerifier.verify(List.of(source(sha())), dir)).doesNotThrowAnyException();
    }

    @Test
    void aChangedFileIsRejectedNamingBothHashes(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("toxicity"));
        Files.writeString(dir.resolve("toxicity/d.csv"), CONTENT + "3,extra\n");
        assertThatThrownBy(() -> SourceVerifier.verify(List.of(source(sha())), dir))
                .isInstanceOf(SourceVerificationException.class)
                .hasMessageContaining("d.csv")
                .hasMessageContaining("pins " + sha())
                .hasMessageContaining("https://example.org/d.csv");
    }

    @Test
    void aMissingFileIsRejectedWithWhereToGetIt(@TempDir Path dir) {
        assertThatThrownBy(() -> SourceVerifier.verify(List.of(source(sha())), dir))
                .isInstanceOf(SourceVerificationException.class)
                .hasMessageContaining("Missing source file")
                .hasMessageContaining("https://example.org/d.csv");
    }

    @Test
    void aSourcePathMayNotLeaveTheSourceDirectory() {
        assertThatThrownBy(() -> new SourceFile("../x", URI.create("https://example.org"), sha()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
