package ai.steersynth.engine.weights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small GGUF files for tests: typed metadata, then tensors with raw (already encoded) data. */
public final class GgufTestWriter {

    /** A metadata value with its GGUF type; arrays hold a list of values of {@code elementType}. */
    public record Value(GgufValueType type, Object value, GgufValueType elementType) {}

    private record Tensor(String name, long[] dimensions, int typeId, byte[] data) {}

    private final List<String> keys = new ArrayList<>();
    private final List<Value> values = new ArrayList<>();
    private final List<Tensor> tensors = new ArrayList<>();
    private int version = 3;
    private int alignment = 32;

    public GgufTestWriter version(int version) {
        this.version = version;
        return this;
    }

    /** Sets the data alignment and writes it as {@code general.alignment}. */
    public GgufTestWriter alignment(int alignment) {
        this.alignment = alignment;
        return put("general.alignment", GgufValueType.UINT32, (long) alignment);
    }

    public GgufTestWriter put(String key, GgufValueType type, Object value) {
        keys.add(key);
        values.add(new Value(type, value, null));
        return this;
    }

    public GgufTestWriter putString(String key, String value) {
        return put(key, GgufValueType.STRING, value);
    }

    public GgufTestWriter putUint32(String key, long value) {
        return put(key, GgufValueType.UINT32, value);
    }

    public GgufTestWriter putFloat32(String key, float value) {
        return put(key, GgufValueType.FLOAT32, value);
    }

    public GgufTestWriter putArray(String key, GgufValueType elementType, List<?> elements) {
        keys.add(key);
        values.add(new Value(GgufValueType.ARRAY, elements, elementType));
        return this;
    }

    /** A tensor; {@code dimensions} in ggml order (innermost first), {@code data} already encoded. */
    public GgufTestWriter tensor(String name, GgmlType type, long[] dimensions, byte[] data) {
        return tensor(name, type.id(), dimensions, data);
    }

    public GgufTestWriter tensor(String name, int typeId, long[] dimensions, byte[] data) {
        tensors.add(new Tensor(name, dimensions, typeId, data));
        return this;
    }

    /** An F32 tensor from values in PyTorch order ({@code torchShape} outermost first). */
    public GgufTestWriter f32Tensor(String name, long[] torchShape, float[] values) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            data.putFloat(v);
        }
        long[] dimensions = new long[torchShape.length];
        for (int i = 0; i < torchShape.length; i++) {
            dimensions[i] = torchShape[torchShape.length - 1 - i];
        }
        return tensor(name, GgmlType.F32, dimensions, data.array());
    }

    public byte[] toBytes() {
        Out out = new Out();
        out.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
        out.int32(version);
        out.int64(tensors.size());
        out.int64(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            out.string(keys.get(i));
            out.int32(values.get(i).type().ordinal());
            writeValue(
                    out,
                    values.get(i).type(),
                    values.get(i).value(),
                    values.get(i).elementType());
        }
        long offset = 0;
        List<Long> offsets = new ArrayList<>();
        for (Tensor tensor : tensors) {
            offsets.add(offset);
            offset = align(offset + tensor.data().length);
        }
        for (int i = 0; i < tensors.size(); i++) {
            Tensor tensor = tensors.get(i);
            out.string(tensor.name());
            out.int32(tensor.dimensions().length);
            for (long d : tensor.dimensions()) {
                out.int64(d);
            }
            out.int32(tensor.typeId());
            out.int64(offsets.get(i));
        }
        out.padTo(align(out.size()));
        for (Tensor tensor : tensors) {
            out.bytes(tensor.data());
            out.padTo(align(out.size()));
        }
        return out.toByteArray();
    }

    public Path write(Path file) throws IOException {
        Files.write(file, toBytes());
        return file;
    }

    private long align(long position) {
        return (position + alignment - 1) / alignment * alignment;
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(Out out, GgufValueType type, Object value, GgufValueType elementType) {
        switch (type) {
            case UINT8, INT8 -> out.write(((Number) value).intValue());
            case UINT16, INT16 -> out.int16(((Number) value).intValue());
            case UINT32, INT32 -> out.int32(((Number) value).intValue());
            case UINT64, INT64 -> out.int64(((Number) value).longValue());
            case FLOAT32 -> out.int32(Float.floatToRawIntBits(((Number) value).floatValue()));
            case FLOAT64 -> out.int64(Double.doubleToRawLongBits(((Number) value).doubleValue()));
            case BOOL -> out.write((Boolean) value ? 1 : 0);
            case STRING -> out.string((String) value);
            case ARRAY -> {
                List<Object> elements = (List<Object>) value;
                out.int32(elementType.ordinal());
                out.int64(elements.size());
                for (Object element : elements) {
                    if (element instanceof Value nested) {
                        writeValue(out, nested.type(), nested.value(), nested.elementType());
                    } else {
                        writeValue(out, elementType, element, null);
                    }
                }
            }
        }
    }

    private static final class Out extends ByteArrayOutputStream {

        void bytes(byte[] data) {
            write(data, 0, data.length);
        }

        void int16(int v) {
            write(v);
            write(v >>> 8);
        }

        void int32(int v) {
            int16(v);
            int16(v >>> 16);
        }

        void int64(long v) {
            int32((int) v);
            int32((int) (v >>> 32));
        }

        void string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            int64(utf8.length);
            bytes(utf8);
        }

        void padTo(long position) {
            while (size() < position) {
                write(0);
            }
        }
    }
}
