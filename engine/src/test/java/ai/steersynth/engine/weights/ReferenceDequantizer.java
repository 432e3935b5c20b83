package ai.steersynth.engine.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The scalar reference for {@link GgmlDequantizer}: one element at a time, straight from the field
 * definitions of ggml-quants.c, with no chunking or block loops (HOUSE-STYLE 13).
 */
final class ReferenceDequantizer {

    private ReferenceDequantizer() {}

    static float[] dequantize(GgmlType type, ByteBuffer data, int count) {
        ByteBuffer le = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = element(type, le, i);
        }
        return values;
    }

    static float element(GgmlType type, ByteBuffer b, int index) {
        int block = index / type.blockSize();
        int j = index % type.blockSize();
        int base = block * type.bytesPerBlock();
        switch (type) {
            case F32:
                return b.getFloat(4 * index);
            case F16:
                return HalfPrecision.decodeFloat16(b.getShort(2 * index) & 0xffff);
            case BF16:
                return Float.intBitsToFloat((b.getShort(2 * index) & 0xffff) << 16);
            case Q8_0:
                return b.get(base + 2 + j) * half(b, base);
            case Q4_0:
                return (nibble(b.get(base + 2 + j % 16), j >= 16) - 8) * half(b, base);
            case Q4_1:
                return nibble(b.get(base + 4 + j % 16), j >= 16) * half(b, base) + half(b, base + 2);
            case Q4_K: {
                int subBlock = j / 32;
                int quant = nibble(b.get(base + 16 + (j / 64) * 32 + j % 32), subBlock % 2 == 1);
                int[] scaleMin = scaleMinK4(b, base + 4, subBlock);
                float scale = half(b, base) * scaleMin[0];
                float min = half(b, base + 2) * scaleMin[1];
                return scale * quant - min;
            }
            case Q6_K: {
                int halfIndex = j / 128;
                int group = (j % 128) / 32;
                int l = j % 32;
                int low = nibble(b.get(base + halfIndex * 64 + (group % 2) * 32 + l), group >= 2);
                int high = ((b.get(base + 128 + halfIndex * 32 + l) & 0xff) >> (2 * group)) & 3;
                int quant = (low | (high << 4)) - 32;
                byte scale = b.get(base + 192 + halfIndex * 8 + l / 16 + 2 * group);
                return half(b, base + 208) * scale * quant;
            }
            default:
                throw new IllegalArgumentException("no reference for " + type);
        }
    }

    /** get_scale_min_k4 from ggml-quants.c, verbatim. */
    private static int[] scaleMinK4(ByteBuffer b, int q, int j) {
        if (j < 4) {
            return new int[] {b.get(q + j) & 63, b.get(q + j + 4) & 63};
        }
        int d = (b.get(q + j + 4) & 0xF) | (((b.get(q + j - 4) & 0xff) >> 6) << 4);
        int m = ((b.get(q + j + 4) & 0xff) >> 4) | (((b.get(q + j) & 0xff) >> 6) << 4);
        return new int[] {d, m};
    }

    private static int nibble(byte value, boolean high) {
        return high ? (value & 0xff) >> 4 : value & 0x0f;
    }

    private static float half(ByteBuffer b, int offset) {
        return HalfPrecision.decodeFloat16(b.getShort(offset) & 0xffff);
    }
}
