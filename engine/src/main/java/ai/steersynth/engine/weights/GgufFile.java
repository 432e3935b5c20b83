package ai.steersynth.engine.weights;

import ai.steersynth.engine.ModelFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GGUF file (versions 2 and 3, little-endian): header, metadata, tensor index, and memory-mapped
 * access to each tensor's raw bytes. Names and layouts are llama.cpp's here; {@link
 * GgufWeightSource} turns them into Hugging Face's.
 */
public final class GgufFile implements AutoCloseable {

    private static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian int
    private static final int DEFAULT_ALIGNMENT = 32;

    private final Path path;
    private final FileChannel channel;
    private final long fileSize;
    private final int version;
    private final GgufMetadata metadata;
    private final Map<String, GgufTensorInfo> tensors;
    private final long dataOffset;
    private final String headerSha256;

    private GgufFile(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.fileSize = channel.size();
        // The header sits at the start; one mapping of at most 2 GiB always holds it.
        MappedByteBuffer header = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(fileSize, Integer.MAX_VALUE));
        header.order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (header.getInt() != MAGIC) {
                throw new ModelFileException(path + ": not a GGUF file (bad magic)");
            }
            version = header.getInt();
            if (version != 2 && version != 3) {
                String hint = Integer.reverseBytes(version) <= 3 ? " (a big-endian GGUF, which is not supported)" : "";
                throw new ModelFileException(path + ": unsupported GGUF version " + version + hint);
            }
            long tensorCount = header.getLong();
            long keyValueCount = header.getLong();
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, GgufValueType> types = new LinkedHashMap<>();
            for (long i = 0; i < keyValueCount; i++) {
                String key = readString(header);
                GgufValueType type = readValueType(header, key);
                types.put(key, type);
                values.put(key, readValue(header, type, key));
            }
            metadata = new GgufMetadata(path.toString(), values, types);
            Map<String, GgufTensorInfo> index = new LinkedHashMap<>();
            for (long i = 0; i < tensorCount; i++) {
                GgufTensorInfo info = readTensorInfo(header);
                index.put(info.name(), info);
            }
            tensors = Collections.unmodifiableMap(index);
            int alignment = metadata.optionalInt("general.alignment").orElse(DEFAULT_ALIGNMENT);
            if (alignment <= 0 || Integer.bitCount(alignment) != 1) {
                throw new ModelFileException(
                        path + ": metadata key 'general.alignment' = " + alignment + " is not a power of two");
            }
            dataOffset = (header.position() + alignment - 1L) / alignment * alignment;
            headerSha256 = sha256(header, (int) Math.min(dataOffset, header.limit()), fileSize);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new ModelFileException(path + ": truncated or corrupt GGUF header", e);
        }
        tensors.values().forEach(this::checkTensor);
    }

    /**
     * Opens and indexes a GGUF file; tensor data is mapped lazily, tensor by tensor.
     *
     * @throws ModelFileException when the file is missing, not GGUF, or malformed
     */
    public static GgufFile open(Path path) {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(path + ": file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
        try {
            return new GgufFile(path, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot read " + path, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public int version() {
        return version;
    }

    public GgufMetadata metadata() {
        return metadata;
    }

    /** The tensor index in file order, by llama.cpp name. */
    public Map<String, GgufTensorInfo> tensors() {
        return tensors;
    }

    /** Where tensor data starts, in bytes from the start of the file. */
    public long dataOffset() {
        return dataOffset;
    }

    /** sha256 of the header, metadata and tensor index, plus the file size: cheap, and changes with any re-export. */
    public String headerSha256() {
        return headerSha256;
    }

    /**
     * Maps one tensor's raw bytes (little-endian, read-only). Each tensor gets its own mapping, so
     * files over 2 GiB work as long as no single tensor is.
     */
    public ByteBuffer map(GgufTensorInfo tensor) {
        long size = tensor.type().byteSize(tensor.elementCount());
        if (size > Integer.MAX_VALUE) {
            throw new ModelFileException(
                    path + ": tensor '" + tensor.name() + "' is " + size + " bytes, over the 2 GiB a buffer can hold");
        }
        try {
            return channel.map(FileChannel.MapMode.READ_ONLY, dataOffset + tensor.offset(), size)
                    .order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map tensor '" + tensor.name() + "' of " + path, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private void checkTensor(GgufTensorInfo tensor) {
        if (tensor.type() == null) {
            return; // reported when (and only if) someone reads it
        }
        long elements = tensor.elementCount();
        if (tensor.dimensions().length > 0
                && tensor.dimensions()[0] % tensor.type().blockSize() != 0) {
            throw new ModelFileException(path + ": tensor '" + tensor.name() + "' has a row of "
                    + tensor.dimensions()[0] + " elements, not a multiple of the " + tensor.typeName()
                    + " block size " + tensor.type().blockSize());
        }
        long end = dataOffset + tensor.offset() + tensor.type().byteSize(elements);
        if (end > fileSize) {
            throw new ModelFileException(path + ": tensor '" + tensor.name() + "' ends at byte " + end
                    + ", past the end of the file (" + fileSize + " bytes); the file is truncated");
        }
    }

    private GgufTensorInfo readTensorInfo(ByteBuffer buffer) {
        String name = readString(buffer);
        int dimensionCount = buffer.getInt();
        if (dimensionCount < 0 || dimensionCount > 8) {
            throw new ModelFileException(path + ": tensor '" + name + "' claims " + dimensionCount + " dimensions");
        }
        long[] dimensions = new long[dimensionCount];
        for (int d = 0; d < dimensionCount; d++) {
            dimensions[d] = buffer.getLong();
        }
        int typeId = buffer.getInt();
        long offset = buffer.getLong();
        return new GgufTensorInfo(name, dimensions, typeId, GgmlType.byId(typeId), offset);
    }

    private GgufValueType readValueType(ByteBuffer buffer, String key) {
        int id = buffer.getInt();
        GgufValueType type = GgufValueType.byId(id);
        if (type == null) {
            throw new ModelFileException(path + ": metadata key '" + key + "' has unknown value type " + id);
        }
        return type;
    }

    private Object readValue(ByteBuffer buffer, GgufValueType type, String key) {
        return switch (type) {
            case UINT8 -> (long) Byte.toUnsignedInt(buffer.get());
            case INT8 -> (long) buffer.get();
            case UINT16 -> (long) Short.toUnsignedInt(buffer.getShort());
            case INT16 -> (long) buffer.getShort();
            case UINT32 -> Integer.toUnsignedLong(buffer.getInt());
            case INT32 -> (long) buffer.getInt();
            case UINT64, INT64 -> buffer.getLong();
            case FLOAT32 -> buffer.getFloat();
            case FLOAT64 -> buffer.getDouble();
            case BOOL -> buffer.get() != 0;
            case STRING -> readString(buffer);
            case ARRAY -> readArray(buffer, key);
        };
    }

    private List<Object> readArray(ByteBuffer buffer, String key) {
        GgufValueType elementType = readValueType(buffer, key);
        long count = buffer.getLong();
        if (count < 0 || count > buffer.remaining()) {
            throw new ModelFileException(path + ": metadata key '" + key + "' claims " + count + " array elements");
        }
        List<Object> elements = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            elements.add(readValue(buffer, elementType, key));
        }
        return Collections.unmodifiableList(elements);
    }

    private String readString(ByteBuffer buffer) {
        long length = buffer.getLong();
        if (length < 0 || length > buffer.remaining()) {
            throw new ModelFileException(path + ": string of " + length + " bytes at offset " + (buffer.position() - 8)
                    + " runs past the header");
        }
        byte[] bytes = new byte[(int) length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String sha256(ByteBuffer header, int length, long fileSize) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(header.duplicate().position(0).limit(length));
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(0, fileSize));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing useful to do: the mapping, if any, stays valid until collected
        }
    }

    /** Whether a path looks like a GGUF file by its first four bytes. */
    public static boolean hasGgufMagic(Path path) {
        try (var in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && new String(magic, StandardCharsets.US_ASCII).equals("GGUF");
        } catch (IOException e) {
            return false;
        }
    }
}
