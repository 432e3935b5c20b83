package ai.steersynth.engine.weights;

import java.util.Arrays;

/**
 * GGML tensor types with their block geometry, as ggml's {@code ggml_type} and gguf-py's
 * {@code GGML_QUANT_SIZES} define them. The geometry lets the reader check sizes even for types it
 * cannot dequantise, so the error names the type instead of failing on an offset.
 */
public enum GgmlType {
    F32(0, 1, 4, true),
    F16(1, 1, 2, true),
    Q4_0(2, 32, 18, true),
    Q4_1(3, 32, 20, true),
    Q5_0(6, 32, 22, false),
    Q5_1(7, 32, 24, false),
    Q8_0(8, 32, 34, true),
    Q8_1(9, 32, 40, false),
    Q2_K(10, 256, 84, false),
    Q3_K(11, 256, 110, false),
    Q4_K(12, 256, 144, true),
    Q5_K(13, 256, 176, false),
    Q6_K(14, 256, 210, true),
    Q8_K(15, 256, 292, false),
    IQ2_XXS(16, 256, 66, false),
    IQ2_XS(17, 256, 74, false),
    IQ3_XXS(18, 256, 98, false),
    IQ1_S(19, 256, 50, false),
    IQ4_NL(20, 32, 18, false),
    IQ3_S(21, 256, 110, false),
    IQ2_S(22, 256, 82, false),
    IQ4_XS(23, 256, 136, false),
    I8(24, 1, 1, false),
    I16(25, 1, 2, false),
    I32(26, 1, 4, false),
    I64(27, 1, 8, false),
    F64(28, 1, 8, false),
    IQ1_M(29, 256, 56, false),
    BF16(30, 1, 2, true),
    TQ1_0(34, 256, 54, false),
    TQ2_0(35, 256, 66, false),
    MXFP4(39, 32, 17, false);

    private static final GgmlType[] BY_ID = new GgmlType[64];

    static {
        Arrays.stream(values()).forEach(type -> BY_ID[type.id] = type);
    }

    private final int id;
    private final int blockSize;
    private final int bytesPerBlock;
    private final boolean dequantizable;

    GgmlType(int id, int blockSize, int bytesPerBlock, boolean dequantizable) {
        this.id = id;
        this.blockSize = blockSize;
        this.bytesPerBlock = bytesPerBlock;
        this.dequantizable = dequantizable;
    }

    /** The type with this {@code ggml_type} id, or {@code null} when the id is unknown. */
    public static GgmlType byId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    public int id() {
        return id;
    }

    /** Elements per block (1 for plain float types). */
    public int blockSize() {
        return blockSize;
    }

    public int bytesPerBlock() {
        return bytesPerBlock;
    }

    /** Whether {@link GgmlDequantizer} can turn this type into fp32. */
    public boolean dequantizable() {
        return dequantizable;
    }

    /** Bytes taken by {@code elementCount} elements; the count must be a whole number of blocks. */
    public long byteSize(long elementCount) {
        return elementCount / blockSize * bytesPerBlock;
    }
}
