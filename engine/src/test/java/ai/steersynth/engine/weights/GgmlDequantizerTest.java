package ai.steersynth.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.engine.ModelFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GgmlDequantizerTest {

    /** Byte offsets of each block's fp16 scales, which random bytes could turn into NaN or infinity. */
    private static final Map<GgmlType, List<Integer>> SCALE_OFFSETS = Map.of(
            GgmlType.Q8_0, List.of(0),
            GgmlType.Q4_0, List.of(0),
            GgmlType.Q4_1, List.of(0, 2),
            GgmlType.Q4_K, List.of(0, 2),
            GgmlType.Q6_K, List.of(208));

    @ParameterizedTest
    @EnumSource(
            value = GgmlType.class,
            names = {"F32", "F16", "BF16", "Q8_0", "Q4_0", "Q4_1", "Q4_K", "Q6_K"})
    void dequantisingRandomBlocksMatchesTheScalarReferenceBitForBit(GgmlType type) {
        Random random = new Random(type.ordinal() * 31L + 7);
        // enough blocks to cross the dequantiser's chunk boundaries and to be split into parallel tasks
        int blocks = 2 * GgmlDequantizer.PARALLEL_CHUNK_ELEMENTS / type.blockSize() + 3;
        ByteBuffer data = randomBlocks(type, blocks, random);
        int count = blocks * type.blockSize();
        int targetOffset = 5; // decoding into the middle of a buffer must not touch its neighbours

        FloatBuffer target = FloatBuffer.allocate(count + 2 * targetOffset);
        GgmlDequantizer.dequantize(type, data, 0, target, targetOffset, count);

        float[] expected = ReferenceDequantizer.dequantize(type, data, count);
        for (int i = 0; i < count; i++) {
            assertThat(Float.floatToRawIntBits(target.get(targetOffset + i)))
                    .as("%s element %d", type, i)
                    .isEqualTo(Float.floatToRawIntBits(expected[i]));
        }
        assertThat(target.get(0)).isZero();
        assertThat(target.get(count + targetOffset)).isZero();
    }

    @ParameterizedTest
    @EnumSource(
            value = GgmlType.class,
            names = {"F16", "BF16", "Q8_0", "Q4_0", "Q4_1", "Q4_K", "Q6_K"})
    void dequantisingAgreesWithGgufPy(GgmlType type) throws IOException {
        JsonNode fixture = readFixture("/weights/dequantization-reference.json").get(type.name());
        byte[] raw = Base64.getDecoder().decode(fixture.get("base64").asString());
        JsonNode values = fixture.get("values");

        FloatBuffer target = FloatBuffer.allocate(values.size());
        GgmlDequantizer.dequantize(type, ByteBuffer.wrap(raw), 0, target, 0, values.size());

        for (int i = 0; i < values.size(); i++) {
            assertThat(target.get(i)).as("%s element %d", type, i).isEqualTo((float)
                    values.get(i).asDouble());
        }
    }

    @Test
    void q8_0BlockDecodesToScaleTimesSignedBytes() {
        ByteBuffer block = block(34);
        block.putShort(0, (short) 0x3800); // d = 0.5
        block.put(2, (byte) -128)
                .put(3, (byte) -1)
                .put(4, (byte) 0)
                .put(5, (byte) 1)
                .put(33, (byte) 127);

        float[] values = decode(GgmlType.Q8_0, block, 32);

        assertThat(values[0]).isEqualTo(-64f);
        assertThat(values[1]).isEqualTo(-0.5f);
        assertThat(values[2]).isEqualTo(0f);
        assertThat(values[3]).isEqualTo(0.5f);
        assertThat(values[31]).isEqualTo(63.5f);
    }

    @Test
    void q4_0BlockPutsLowNibblesFirstAndOffsetsByEight() {
        ByteBuffer block = block(18);
        block.putShort(0, (short) 0x4000); // d = 2
        block.put(2, (byte) 0xF0); // element 0 = low nibble 0, element 16 = high nibble 15
        block.put(17, (byte) 0x8A); // element 15 = 10, element 31 = 8

        float[] values = decode(GgmlType.Q4_0, block, 32);

        assertThat(values[0]).isEqualTo((0 - 8) * 2f);
        assertThat(values[16]).isEqualTo((15 - 8) * 2f);
        assertThat(values[15]).isEqualTo((10 - 8) * 2f);
        assertThat(values[31]).isEqualTo(0f);
    }

    @Test
    void q4_1BlockAddsTheMinimumToScaledNibbles() {
        ByteBuffer block = block(20);
        block.putShort(0, (short) 0x3400); // d = 0.25
        block.putShort(2, (short) 0xBC00); // m = -1
        block.put(4, (byte) 0x31);

        float[] values = decode(GgmlType.Q4_1, block, 32);

        assertThat(values[0]).isEqualTo(1 * 0.25f - 1f);
        assertThat(values[16]).isEqualTo(3 * 0.25f - 1f);
        assertThat(values[1]).isEqualTo(-1f);
    }

    @Test
    void q4_KBlockUnpacksSixBitScalesAndMinsOfAllEightSubBlocks() {
        ByteBuffer block = block(144);
        block.putShort(0, (short) 0x3C00); // d = 1
        block.putShort(2, (short) 0x3800); // dmin = 0.5
        // sub-block 0: scale 3, min 2 in the low six bits of scales[0] and scales[4];
        // their top two bits (1 and 2) are the high bits of sub-block 4's scale and min
        block.put(4, (byte) (3 | (1 << 6)));
        block.put(8, (byte) (2 | (2 << 6)));
        // sub-block 1: scale 7, min 4
        block.put(5, (byte) 7);
        block.put(9, (byte) 4);
        // sub-block 4: low four bits of scale (1) and min (2) in scales[8]
        block.put(12, (byte) 0x21);
        block.put(16, (byte) 0x05); // element 0 = 5 (sub-block 0), element 32 = 0 (sub-block 1)
        block.put(16 + 64, (byte) 0x09); // element 128 = 9 (sub-block 4)

        float[] values = decode(GgmlType.Q4_K, block, 256);

        assertThat(values[0]).isEqualTo(3f * 5 - 0.5f * 2);
        assertThat(values[32]).isEqualTo(7f * 0 - 0.5f * 4);
        int scale4 = 1 | (1 << 4);
        int min4 = 2 | (2 << 4);
        assertThat(values[128]).isEqualTo(1f * scale4 * 9 - 0.5f * min4);
    }

    @Test
    void q6_KBlockCombinesLowAndHighBitsWithSignedScales() {
        ByteBuffer block = block(210);
        block.putShort(208, (short) 0x3800); // d = 0.5
        block.put(192, (byte) -2); // scale of elements 0..15
        block.put(194, (byte) 3); // scale of elements 32..47
        block.put(196, (byte) 1); // scale of elements 64..79
        block.put(0, (byte) 0x0A); // element 0 low bits 10; element 64 low bits 0
        block.put(128, (byte) 0b10); // element 0 high bits 2; elements 32, 64, 96 high bits 0
        block.put(32, (byte) 0x01); // element 32 low bits 1

        float[] values = decode(GgmlType.Q6_K, block, 256);

        assertThat(values[0]).isEqualTo(0.5f * -2 * ((10 | (2 << 4)) - 32));
        assertThat(values[32]).isEqualTo(0.5f * 3 * (1 - 32));
        assertThat(values[64]).isEqualTo(0.5f * 1 * -32);
    }

    @Test
    void typesWithoutADequantiserAreRejectedByName() {
        ByteBuffer block = block(176);
        FloatBuffer target = FloatBuffer.allocate(256);

        assertThatThrownBy(() -> GgmlDequantizer.dequantize(GgmlType.Q5_K, block, 0, target, 0, 256))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("Q5_K");
    }

    static ByteBuffer randomBlocks(GgmlType type, int blocks, Random random) {
        byte[] bytes = new byte[blocks * type.bytesPerBlock()];
        random.nextBytes(bytes);
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (type == GgmlType.F32) {
            for (int i = 0; i < blocks; i++) {
                data.putFloat(4 * i, (float) random.nextGaussian());
            }
        }
        for (int block = 0; block < blocks; block++) {
            for (int offset : SCALE_OFFSETS.getOrDefault(type, List.of())) {
                data.putShort(block * type.bytesPerBlock() + offset, randomFiniteHalf(random));
            }
        }
        return data;
    }

    /** fp16 bits with a random sign and mantissa and an exponent well inside the finite range. */
    private static short randomFiniteHalf(Random random) {
        int exponent = 5 + random.nextInt(16);
        return (short) ((random.nextInt(2) << 15) | (exponent << 10) | random.nextInt(1024));
    }

    private static ByteBuffer block(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static float[] decode(GgmlType type, ByteBuffer block, int count) {
        FloatBuffer target = FloatBuffer.allocate(count);
        GgmlDequantizer.dequantize(type, block, 0, target, 0, count);
        return target.array();
    }

    static JsonNode readFixture(String resource) throws IOException {
        try (InputStream in = GgmlDequantizerTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("test resource %s", resource).isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }
}
