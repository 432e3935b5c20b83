package ai.steersynth.engine.weights;

/**
 * IEEE fp16 and bfloat16 to fp32. Java 17 has no {@code Float.float16ToFloat}; a 64K-entry table is
 * exact and the fastest option there (STACK-NOTES 7). bf16 is the upper half of an fp32, so widening
 * is a shift; it is widened here because DJL's BFLOAT16 aborts the JVM (STACK-NOTES 1).
 */
public final class HalfPrecision {

    private static final float[] FLOAT16_TABLE = new float[1 << 16];

    static {
        for (int bits = 0; bits < FLOAT16_TABLE.length; bits++) {
            FLOAT16_TABLE[bits] = decodeFloat16(bits);
        }
    }

    private HalfPrecision() {}

    /** The fp32 value of fp16 bits (the low 16 bits of {@code bits}). */
    public static float float16ToFloat(int bits) {
        return FLOAT16_TABLE[bits & 0xffff];
    }

    /** The fp32 value of bfloat16 bits (the low 16 bits of {@code bits}). */
    public static float bfloat16ToFloat(int bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    /** The bit-level decode the table is built from: sign, 5-bit exponent (bias 15), 10-bit mantissa. */
    static float decodeFloat16(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) { // infinity or NaN: keep the payload
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // zero or subnormal: mantissa * 2^-24 is exact in fp32
            float magnitude = mantissa * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
