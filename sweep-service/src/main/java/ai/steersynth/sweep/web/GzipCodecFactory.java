package ai.steersynth.sweep.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet's GZIP page codec on {@code java.util.zip}, so neither Hadoop's codecs nor native
 * libraries are needed. Parquet's GZIP pages are plain gzip members (RFC 1952), which every
 * reader (pyarrow, DuckDB, Spark) decodes. Only GZIP (and UNCOMPRESSED, as a pass-through) is
 * offered.
 */
final class GzipCodecFactory implements CompressionCodecFactory {

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        boolean gzip = supported(codecName);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                if (!gzip) {
                    return bytes;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream stream = new GZIPOutputStream(out)) {
                    bytes.writeAllTo(stream);
                }
                return BytesInput.from(out.toByteArray());
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codecName;
            }

            @Override
            public void release() {}
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        boolean gzip = supported(codecName);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
                if (!gzip) {
                    return bytes;
                }
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                    byte[] out = in.readNBytes(decompressedSize);
                    if (out.length != decompressedSize) {
                        throw new IOException("gzip page holds " + out.length + " bytes, expected " + decompressedSize);
                    }
                    return BytesInput.from(out);
                }
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                    throws IOException {
                byte[] compressed = new byte[compressedSize];
                input.get(compressed);
                output.put(decompress(BytesInput.from(compressed), decompressedSize)
                        .toByteArray());
            }

            @Override
            public void release() {}
        };
    }

    @Override
    public void release() {}

    /** True for GZIP, false for UNCOMPRESSED; any other codec is refused. */
    private static boolean supported(CompressionCodecName codecName) {
        if (codecName != CompressionCodecName.GZIP && codecName != CompressionCodecName.UNCOMPRESSED) {
            throw new IllegalArgumentException("only GZIP and UNCOMPRESSED are supported here, not " + codecName);
        }
        return codecName == CompressionCodecName.GZIP;
    }
}
