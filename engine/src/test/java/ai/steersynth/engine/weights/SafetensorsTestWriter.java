package ai.steersynth.engine.weights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes small safetensors files for tests. */
public final class SafetensorsTestWriter {

    private final ObjectNode header = JsonMapper.builder().build().createObjectNode();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    public SafetensorsTestWriter() {
        header.putObject("__metadata__").put("format", "pt");
    }

    public SafetensorsTestWriter tensor(String name, String dtype, long[] shape, byte[] bytes) {
        ObjectNode entry = header.putObject(name).put("dtype", dtype);
        var shapeNode = entry.putArray("shape");
        for (long d : shape) {
            shapeNode.add(d);
        }
        entry.putArray("data_offsets").add(data.size()).add(data.size() + bytes.length);
        data.write(bytes, 0, bytes.length);
        return this;
    }

    public SafetensorsTestWriter f32(String name, long[] shape, float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        return tensor(name, "F32", shape, bytes.array());
    }

    /** A 16-bit tensor (F16 or BF16) from raw bit patterns. */
    public SafetensorsTestWriter halves(String name, String dtype, long[] shape, int... bits) {
        ByteBuffer bytes = ByteBuffer.allocate(bits.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int b : bits) {
            bytes.putShort((short) b);
        }
        return tensor(name, dtype, shape, bytes.array());
    }

    public Path write(Path file) throws IOException {
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer length =
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, json.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(length.array());
        out.write(json);
        out.write(data.toByteArray());
        return Files.write(file, out.toByteArray());
    }
}
