package ai.steersynth.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompressionScoreTest {

    @Test
    void anEmptyStreamCostsTwoBytesOfRawDeflate() {
        // 3-bit fixed-Huffman block header + 7-bit end-of-block code, padded to bytes: 0x03 0x00.
        assertThat(CompressionScore.deflatedSize(new byte[0])).isEqualTo(2);
    }

    @Test
    void aShortTextWithNothingToBackReferenceScoresOne() {
        // "yes": 3 header bits + 3 literals of 8 bits + 7 end-of-block bits = 34 bits = 5 bytes; (5 - 2) / 3 = 1.
        assertThat(CompressionScore.deflatedSize(bytes("yes"))).isEqualTo(5);
        assertThat(CompressionScore.ofTokens(List.of("yes"))).isEqualTo(1.0);
    }

    @Test
    void aLoopCompressesToAFractionOfItsSize() {
        String loop = "stupid ".repeat(40).trim();
        // ~280 raw bytes: a few literals, then back-references of up to 258 bytes each.
        assertThat(CompressionScore.ofBytes(bytes(loop))).isLessThan(0.1);
    }

    @Test
    void noTokensScoreZero() {
        assertThat(CompressionScore.ofTokens(List.of())).isZero();
        assertThat(CompressionScore.ofBytes(new byte[0])).isZero();
    }

    @Test
    void tokensAreJoinedBySingleSpaces() {
        assertThat(CompressionScore.ofTokens(List.of("a", "cat", "naps")))
                .isCloseTo(CompressionScore.ofBytes(bytes("a cat naps")), within(0.0));
    }

    @Test
    void scoresStayInTheUnitInterval() {
        for (String text : List.of("x", "ab", "%$#@!&*()", "ok ok", "a".repeat(10_000))) {
            assertThat(CompressionScore.ofBytes(bytes(text))).isBetween(0.0, 1.0);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
