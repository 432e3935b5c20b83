package ai.steersynth.metrics.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Compression-based diversity: how much of a text's size survives DEFLATE (the algorithm inside gzip), so a text that
 * repeats itself compresses well and scores low.
 *
 * <p>score = clamp((|deflate(b)| - |deflate(empty)|) / |b|, 0, 1), where b is the UTF-8 encoding of the tokens joined
 * by single spaces and deflate is raw DEFLATE at level 9. Raw DEFLATE is the gzip payload without its 10-byte header
 * and 8-byte trailer, and subtracting the 2 bytes an empty stream costs removes the rest of the fixed overhead; so the
 * value equals (gzip(b) - gzip(empty)) / |b| = (gzip(b) - 20) / |b|. Without that correction a 5-byte text would
 * "compress" to 25 bytes, ratio 5. Short texts with nothing to back-reference are coded with DEFLATE's fixed Huffman
 * table (8 or 9 bits a byte) and score about 1; the clamp keeps the few bits of block framing from pushing them over.
 * Longer texts switch to a dynamic Huffman table, which also squeezes out character-level redundancy, so a sentence of
 * about 100 bytes scores about 0.75, a 60-token paragraph of prose about 0.57, and a looping text far less.
 */
public final class CompressionScore {

    private static final int EMPTY_STREAM_BYTES = deflatedSize(new byte[0]);

    private CompressionScore() {}

    /** The compression score of a token sequence, joined by single spaces; 0 for no tokens. */
    public static double ofTokens(List<String> tokens) {
        return ofBytes(String.join(" ", tokens).getBytes(StandardCharsets.UTF_8));
    }

    /** The compression score of raw bytes; 0 for no bytes (there is nothing to be diverse). */
    public static double ofBytes(byte[] raw) {
        if (raw.length == 0) {
            return 0.0;
        }
        double ratio = (double) (deflatedSize(raw) - EMPTY_STREAM_BYTES) / raw.length;
        return Math.min(1.0, Math.max(0.0, ratio));
    }

    static int deflatedSize(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(raw);
            deflater.finish();
            // Only the size matters, so one scratch buffer is overwritten until the stream is done.
            byte[] scratch = new byte[8192];
            long size = 0;
            while (!deflater.finished()) {
                size += deflater.deflate(scratch);
            }
            return Math.toIntExact(size);
        } finally {
            deflater.end();
        }
    }
}
