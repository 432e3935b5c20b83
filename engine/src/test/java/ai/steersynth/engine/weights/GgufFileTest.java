package ai.steersynth.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.engine.ModelFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GgufFileTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void metadataOfEveryValueTypeIsReadBack(int version) throws IOException {
        GgufTestWriter writer = new GgufTestWriter()
                .version(version)
                .put("u8", GgufValueType.UINT8, 200)
                .put("i8", GgufValueType.INT8, -5)
                .put("u16", GgufValueType.UINT16, 65_000)
                .put("i16", GgufValueType.INT16, -30_000)
                .put("u32", GgufValueType.UINT32, 4_000_000_000L)
                .put("i32", GgufValueType.INT32, -7)
                .put("u64", GgufValueType.UINT64, 1L << 40)
                .put("i64", GgufValueType.INT64, -(1L << 40))
                .put("f32", GgufValueType.FLOAT32, 1.5f)
                .put("f64", GgufValueType.FLOAT64, 2.25)
                .put("yes", GgufValueType.BOOL, true)
                .putString("text", "naïve 🙂")
                .putArray("strings", GgufValueType.STRING, List.of("a", "", "ç"))
                .putArray("ints", GgufValueType.INT32, List.of(1, -2, 3))
                .putArray(
                        "nested",
                        GgufValueType.ARRAY,
                        List.of(new GgufTestWriter.Value(
                                GgufValueType.ARRAY, List.of(1.0f, 2.0f), GgufValueType.FLOAT32)));

        try (GgufFile file = GgufFile.open(writer.write(directory.resolve("m.gguf")))) {
            GgufMetadata metadata = file.metadata();
            assertThat(file.version()).isEqualTo(version);
            assertThat(metadata.integer("u8")).isEqualTo(200);
            assertThat(metadata.integer("i8")).isEqualTo(-5);
            assertThat(metadata.integer("u16")).isEqualTo(65_000);
            assertThat(metadata.integer("i16")).isEqualTo(-30_000);
            assertThat(metadata.integer("u32")).isEqualTo(4_000_000_000L);
            assertThat(metadata.intValue("i32")).isEqualTo(-7);
            assertThat(metadata.integer("u64")).isEqualTo(1L << 40);
            assertThat(metadata.integer("i64")).isEqualTo(-(1L << 40));
            assertThat(metadata.optionalNumber("f32")).contains(1.5);
            assertThat(metadata.optionalNumber("f64")).contains(2.25);
            assertThat(metadata.optionalBoolean("yes")).contains(true);
            assertThat(metadata.string("text")).isEqualTo("naïve 🙂");
            assertThat(metadata.stringArray("strings")).containsExactly("a", "", "ç");
            assertThat(metadata.integerArray("ints")).containsExactly(1L, -2L, 3L);
            assertThat(metadata.get("nested")).isEqualTo(List.of(List.of(1.0f, 2.0f)));
            assertThat(metadata.type("nested")).isEqualTo(GgufValueType.ARRAY);
        }
    }

    @Test
    void tensorsAreMappedAtTheirAlignedOffsets() throws IOException {
        float[] first = {1f, 2f, 3f};
        float[] second = {-1f, -2f, -3f, -4f, -5f, -6f};
        Path path = new GgufTestWriter()
                .alignment(64)
                .f32Tensor("first", new long[] {3}, first)
                .f32Tensor("second", new long[] {2, 3}, second)
                .write(directory.resolve("m.gguf"));

        try (GgufFile file = GgufFile.open(path)) {
            assertThat(file.dataOffset() % 64).isZero();
            GgufTensorInfo info = file.tensors().get("second");
            assertThat(info.offset()).isEqualTo(64);
            assertThat(info.dimensions()).containsExactly(3, 2);
            assertThat(info.torchShape()).containsExactly(2, 3);
            assertThat(floats(file.map(info))).containsExactly(second);
            assertThat(floats(file.map(file.tensors().get("first")))).containsExactly(first);
        }
    }

    @Test
    void headerHashChangesWithTheMetadata() throws IOException {
        Path one = new GgufTestWriter().putString("general.name", "one").write(directory.resolve("1.gguf"));
        Path two = new GgufTestWriter().putString("general.name", "two").write(directory.resolve("2.gguf"));

        try (GgufFile a = GgufFile.open(one);
                GgufFile b = GgufFile.open(two);
                GgufFile again = GgufFile.open(one)) {
            assertThat(a.headerSha256()).isNotEqualTo(b.headerSha256()).isEqualTo(again.headerSha256());
        }
    }

    @Test
    void aMissingFileIsReportedByPath() {
        Path missing = directory.resolve("absent.gguf");

        assertThatThrownBy(() -> GgufFile.open(missing))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not found");
    }

    @Test
    void aFileWithoutTheMagicIsRejected() throws IOException {
        Path path = Files.writeString(directory.resolve("text.gguf"), "this is not a model file at all");

        assertThatThrownBy(() -> GgufFile.open(path))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("not a GGUF file");
    }

    @Test
    void aBigEndianFileIsRejectedWithAHint() throws IOException {
        byte[] bytes = new GgufTestWriter().toBytes();
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).putInt(4, 3);
        Path path = Files.write(directory.resolve("be.gguf"), bytes);

        assertThatThrownBy(() -> GgufFile.open(path)).hasMessageContaining("big-endian");
    }

    @Test
    void aTruncatedFileIsReportedAsTruncated() throws IOException {
        byte[] bytes = new GgufTestWriter()
                .f32Tensor("weights", new long[] {64}, new float[64])
                .toBytes();
        Path path = Files.write(directory.resolve("cut.gguf"), Arrays.copyOf(bytes, bytes.length - 16));

        assertThatThrownBy(() -> GgufFile.open(path))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("'weights'")
                .hasMessageContaining("truncated");
    }

    @Test
    void aMistypedKeyIsReportedWithFileAndKey() throws IOException {
        Path path =
                new GgufTestWriter().putString("llama.block_count", "thirty").write(directory.resolve("m.gguf"));

        try (GgufFile file = GgufFile.open(path)) {
            assertThatThrownBy(() -> file.metadata().intValue("llama.block_count"))
                    .isInstanceOf(ModelFileException.class)
                    .hasMessageContaining(path.toString())
                    .hasMessageContaining("'llama.block_count'")
                    .hasMessageContaining("STRING");
        }
    }

    private static float[] floats(ByteBuffer buffer) {
        float[] values = new float[buffer.remaining() / 4];
        buffer.asFloatBuffer().get(values);
        return values;
    }
}
