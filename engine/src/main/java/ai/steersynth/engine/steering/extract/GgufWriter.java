package ai.steersynth.engine.steering.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal GGUF v3 writer (little-endian) for what control-vector files need: string, uint32 and
 * float32 metadata and one-dimensional F32 tensors. Layout as gguf-py's {@code GGUFWriter} writes
 * it: header, key/values in insertion order, tensor infos, zero padding to the 32-byte alignment,
 * then each tensor's data padded to the alignment.
 */
final class GgufWriter {

    static final int ALIGNMENT = 32;
    private static final int VERSION = 3;
    private static final int TYPE_UINT32 = 4;
    private static final int TYPE_FLOAT32 = 6;
    private static final int TYPE_STRING = 8;
    private static final int GGML_TYPE_F32 = 0;

    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final Map<String, float[]> tensors = new LinkedHashMap<>();

    GgufWriter putString(String key, String value) {
        return put(key, value);
    }

    GgufWriter putUint32(String key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(key + ": uint32 value " + value + " is negative");
        }
        return put(key, value);
    }

    GgufWriter putFloat32(String key, float value) {
        return put(key, value);
    }

    GgufWriter addTensor(String name, float[] values) {
        if (tensors.putIfAbsent(name, values.clone()) != null) {
            throw new IllegalArgumentException("tensor " + name + " added twice");
        }
        return this;
    }

    private GgufWriter put(String key, Object value) {
        if (metadata.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("metadata key " + key + " set twice");
        }
        return this;
    }

    byte[] toBytes() {
        Buffer out = new Buffer();
        out.bytes(new byte[] {'G', 'G', 'U', 'F'});
        out.int32(VERSION);
        out.int64(tensors.size());
        out.int64(metadata.size());
        for (Map.Entry<String, Object> entry : metadata.entrySet()) {
            out.string(entry.getKey());
            Object value = entry.getValue();
            if (value instanceof String s) {
                out.int32(TYPE_STRING);
                out.string(s);
            } else if (value instanceof Integer i) {
                out.int32(TYPE_UINT32);
                out.int32(i);
            } else if (value instanceof Float f) {
                out.int32(TYPE_FLOAT32);
                out.float32(f);
            } else {
                throw new IllegalStateException("unsupported value " + value);
            }
        }
        long offset = 0;
        List<float[]> data = new ArrayList<>();
        for (Map.Entry<String, float[]> tensor : tensors.entrySet()) {
            out.string(tensor.getKey());
            out.int32(1); // dimensions
            out.int64(tensor.getValue().length);
            out.int32(GGML_TYPE_F32);
            out.int64(offset);
            offset += padded((long) tensor.getValue().length * Float.BYTES);
            data.add(tensor.getValue());
        }
        out.padTo(ALIGNMENT);
        for (float[] values : data) {
            for (float v : values) {
                out.float32(v);
            }
            out.padTo(ALIGNMENT);
        }
        return out.toByteArray();
    }

    void write(Path file) {
        try {
            Files.write(file, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static long padded(long size) {
        return (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** A growable little-endian byte buffer. */
    private static final class Buffer {
        private ByteBuffer buffer = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);

        private void ensure(int more) {
            if (buffer.remaining() < more) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more))
                        .order(ByteOrder.LITTLE_ENDIAN);
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
        }

        void bytes(byte[] bytes) {
            ensure(bytes.length);
            buffer.put(bytes);
        }

        void int32(int value) {
            ensure(Integer.BYTES);
            buffer.putInt(value);
        }

        void int64(long value) {
            ensure(Long.BYTES);
            buffer.putLong(value);
        }

        void float32(float value) {
            ensure(Float.BYTES);
            buffer.putFloat(value);
        }

        void string(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            int64(bytes.length);
            bytes(bytes);
        }

        void padTo(int alignment) {
            int padding = (alignment - buffer.position() % alignment) % alignment;
            bytes(new byte[padding]);
        }

        byte[] toByteArray() {
            byte[] out = new byte[buffer.position()];
            buffer.flip();
            buffer.get(out);
            return out;
        }
    }
}
