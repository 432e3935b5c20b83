package ai.steersynth.engine.weights;

import ai.steersynth.engine.ModelFileException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * Dequantises GGML tensor data to fp32, following the block layouts of ggml's {@code ggml-quants.c}
 * ({@code dequantize_row_*}) bit for bit. Work goes a chunk of blocks at a time through heap
 * scratch arrays, so the source may be any buffer (usually a file mapping) and the byte order of the
 * source buffer does not matter: every multi-byte field is assembled little-endian by hand.
 */
public final class GgmlDequantizer {

    private static final int QK_K = 256;
    private static final int BLOCKS_PER_CHUNK = 256;

    /** Elements per parallel task; smaller tensors (norms, single rows) stay on the calling thread. */
    static final int PARALLEL_CHUNK_ELEMENTS = 1 << 18;

    private GgmlDequantizer() {}

    /**
     * Decodes {@code elementCount} elements of {@code type}, read from {@code source} at byte
     * {@code sourceOffset}, into {@code target} at float index {@code targetOffset}.
     *
     * @throws ModelFileException when the type cannot be dequantised
     * @throws IllegalArgumentException when the count is not a whole number of blocks
     */
    public static void dequantize(
            GgmlType type,
            ByteBuffer source,
            int sourceOffset,
            FloatBuffer target,
            int targetOffset,
            int elementCount) {
        if (!type.dequantizable()) {
            throw new ModelFileException("tensor type " + type + " is not supported (supported: F32, F16, BF16, "
                    + "Q8_0, Q4_0, Q4_1, Q4_K, Q6_K)");
        }
        if (elementCount % type.blockSize() != 0) {
            throw new IllegalArgumentException(
                    elementCount + " elements is not a whole number of " + type + " blocks of " + type.blockSize());
        }
        int blockCount = elementCount / type.blockSize();
        int blocksPerTask = Math.max(1, PARALLEL_CHUNK_ELEMENTS / type.blockSize());
        if (blockCount <= blocksPerTask) {
            dequantizeBlocks(type, source, sourceOffset, target, targetOffset, 0, blockCount);
            return;
        }
        // Large tensors split over the common pool: tasks read and write disjoint ranges with
        // absolute gets and puts, which leave the buffers' positions alone.
        int tasks = (blockCount + blocksPerTask - 1) / blocksPerTask;
        IntStream.range(0, tasks).parallel().forEach(task -> {
            int first = task * blocksPerTask;
            int end = Math.min(blockCount, first + blocksPerTask);
            dequantizeBlocks(type, source, sourceOffset, target, targetOffset, first, end);
        });
    }

    private static void dequantizeBlocks(
            GgmlType type,
            ByteBuffer source,
            int sourceOffset,
            FloatBuffer target,
            int targetOffset,
            int firstBlock,
            int endBlock) {
        int chunkBlocks = Math.min(endBlock - firstBlock, Math.max(1, BLOCKS_PER_CHUNK * 32 / type.blockSize()));
        byte[] bytes = new byte[chunkBlocks * type.bytesPerBlock()];
        float[] values = new float[chunkBlocks * type.blockSize()];
        for (int block = firstBlock; block < endBlock; block += chunkBlocks) {
            int blocks = Math.min(chunkBlocks, endBlock - block);
            source.get(sourceOffset + block * type.bytesPerBlock(), bytes, 0, blocks * type.bytesPerBlock());
            decodeBlocks(type, bytes, blocks, values);
            target.put(targetOffset + block * type.blockSize(), values, 0, blocks * type.blockSize());
        }
    }

    private static void decodeBlocks(GgmlType type, byte[] bytes, int blocks, float[] out) {
        switch (type) {
            case F32 -> {
                for (int i = 0; i < blocks; i++) {
                    out[i] = Float.intBitsToFloat(int32(bytes, 4 * i));
                }
            }
            case F16 -> {
                for (int i = 0; i < blocks; i++) {
                    out[i] = HalfPrecision.float16ToFloat(uint16(bytes, 2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < blocks; i++) {
                    out[i] = HalfPrecision.bfloat16ToFloat(uint16(bytes, 2 * i));
                }
            }
            case Q8_0 -> {
                for (int i = 0; i < blocks; i++) {
                    decodeQ8_0(bytes, 34 * i, out, 32 * i);
                }
            }
            case Q4_0 -> {
                for (int i = 0; i < blocks; i++) {
                    decodeQ4_0(bytes, 18 * i, out, 32 * i);
                }
            }
            case Q4_1 -> {
                for (int i = 0; i < blocks; i++) {
                    decodeQ4_1(bytes, 20 * i, out, 32 * i);
                }
            }
            case Q4_K -> {
                for (int i = 0; i < blocks; i++) {
                    decodeQ4_K(bytes, 144 * i, out, QK_K * i);
                }
            }
            case Q6_K -> {
                for (int i = 0; i < blocks; i++) {
                    decodeQ6_K(bytes, 210 * i, out, QK_K * i);
                }
            }
            default -> throw new IllegalStateException("unreachable: " + type);
        }
    }

    /** block_q8_0 { half d; int8 qs[32]; }: y = qs * d. */
    private static void decodeQ8_0(byte[] b, int o, float[] y, int p) {
        float d = HalfPrecision.float16ToFloat(uint16(b, o));
        for (int j = 0; j < 32; j++) {
            y[p + j] = b[o + 2 + j] * d;
        }
    }

    /** block_q4_0 { half d; uint8 qs[16]; }: low nibbles are elements 0..15, high nibbles 16..31, offset by 8. */
    private static void decodeQ4_0(byte[] b, int o, float[] y, int p) {
        float d = HalfPrecision.float16ToFloat(uint16(b, o));
        for (int j = 0; j < 16; j++) {
            int q = b[o + 2 + j] & 0xff;
            y[p + j] = ((q & 0x0f) - 8) * d;
            y[p + j + 16] = ((q >>> 4) - 8) * d;
        }
    }

    /** block_q4_1 { half d; half m; uint8 qs[16]; }: y = q * d + m, nibbles as in Q4_0. */
    private static void decodeQ4_1(byte[] b, int o, float[] y, int p) {
        float d = HalfPrecision.float16ToFloat(uint16(b, o));
        float m = HalfPrecision.float16ToFloat(uint16(b, o + 2));
        for (int j = 0; j < 16; j++) {
            int q = b[o + 4 + j] & 0xff;
            y[p + j] = (q & 0x0f) * d + m;
            y[p + j + 16] = (q >>> 4) * d + m;
        }
    }

    /**
     * block_q4_K { half d; half dmin; uint8 scales[12]; uint8 qs[128]; }: eight sub-blocks of 32,
     * each with a 6-bit scale and a 6-bit min packed into {@code scales} (get_scale_min_k4). 64
     * elements per 32 bytes of qs: the low nibbles are one sub-block, the high nibbles the next.
     */
    private static void decodeQ4_K(byte[] b, int o, float[] y, int p) {
        float d = HalfPrecision.float16ToFloat(uint16(b, o));
        float min = HalfPrecision.float16ToFloat(uint16(b, o + 2));
        int scales = o + 4;
        int q = o + 16;
        for (int j = 0, subBlock = 0; j < QK_K; j += 64, subBlock += 2, q += 32) {
            float d1 = d * scaleK4(b, scales, subBlock);
            float m1 = min * minK4(b, scales, subBlock);
            float d2 = d * scaleK4(b, scales, subBlock + 1);
            float m2 = min * minK4(b, scales, subBlock + 1);
            for (int l = 0; l < 32; l++) {
                y[p + j + l] = d1 * (b[q + l] & 0x0f) - m1;
                y[p + j + 32 + l] = d2 * ((b[q + l] & 0xff) >>> 4) - m2;
            }
        }
    }

    /** get_scale_min_k4's scale: sub-blocks 0..3 in the low 6 bits of bytes 0..3; 4..7 split over bytes 8..11 and the top bits of 0..3. */
    static int scaleK4(byte[] b, int scales, int j) {
        return j < 4 ? b[scales + j] & 63 : (b[scales + j + 4] & 0x0f) | (((b[scales + j - 4] & 0xff) >>> 6) << 4);
    }

    /** get_scale_min_k4's min: sub-blocks 0..3 in the low 6 bits of bytes 4..7; 4..7 split over bytes 8..11 and the top bits of 4..7. */
    static int minK4(byte[] b, int scales, int j) {
        return j < 4
                ? b[scales + j + 4] & 63
                : ((b[scales + j + 4] & 0xff) >>> 4) | (((b[scales + j] & 0xff) >>> 6) << 4);
    }

    /**
     * block_q6_K { uint8 ql[128]; uint8 qh[64]; int8 scales[16]; half d; }: 6-bit values, low 4 bits
     * in ql, high 2 bits in qh, offset by 32, one int8 scale per 16 elements; two halves of 128.
     */
    private static void decodeQ6_K(byte[] b, int o, float[] y, int p) {
        float d = HalfPrecision.float16ToFloat(uint16(b, o + 208));
        int ql = o;
        int qh = o + 128;
        int sc = o + 192;
        for (int n = 0; n < QK_K; n += 128, ql += 64, qh += 32, sc += 8) {
            for (int l = 0; l < 32; l++) {
                int is = l / 16;
                int high = b[qh + l] & 0xff;
                int q1 = ((b[ql + l] & 0x0f) | ((high & 3) << 4)) - 32;
                int q2 = ((b[ql + l + 32] & 0x0f) | (((high >>> 2) & 3) << 4)) - 32;
                int q3 = (((b[ql + l] & 0xff) >>> 4) | (((high >>> 4) & 3) << 4)) - 32;
                int q4 = (((b[ql + l + 32] & 0xff) >>> 4) | (((high >>> 6) & 3) << 4)) - 32;
                y[p + n + l] = d * b[sc + is] * q1;
                y[p + n + l + 32] = d * b[sc + is + 2] * q2;
                y[p + n + l + 64] = d * b[sc + is + 4] * q3;
                y[p + n + l + 96] = d * b[sc + is + 6] * q4;
            }
        }
    }

    private static int uint16(byte[] b, int o) {
        return (b[o] & 0xff) | ((b[o + 1] & 0xff) << 8);
    }

    private static int int32(byte[] b, int o) {
        return (b[o] & 0xff) | ((b[o + 1] & 0xff) << 8) | ((b[o + 2] & 0xff) << 16) | ((b[o + 3] & 0xff) << 24);
    }
}
