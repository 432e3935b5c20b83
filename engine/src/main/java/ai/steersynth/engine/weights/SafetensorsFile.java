package ai.steersynth.engine.weights;

import ai.steersynth.engine.ModelFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One safetensors file: an 8-byte little-endian header length, a JSON header naming each tensor's
 * dtype, shape and byte range, then the data. Tensors are mapped one by one, so files over 2 GiB
 * work as long as no single tensor is.
 */
public final class SafetensorsFile implements AutoCloseable {

    /** A safetensors header's limit on its own size (the format caps it at 100 MB). */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One tensor of the header.
     *
     * @param name the tensor name, already in Hugging Face naming
     * @param dtype as the header spells it: {@code F32}, {@code F16}, {@code BF16}, ...
     * @param shape PyTorch order, outermost first
     * @param begin first byte, from the start of the data section
     * @param end one past the last byte
     */
    public record Entry(String name, String dtype, long[] shape, long begin, long end) {

        public long elementCount() {
            long count = 1;
            for (long dimension : shape) {
                count *= dimension;
            }
            return count;
        }
    }

    private final Path path;
    private final FileChannel channel;
    private final long dataOffset;
    private final Map<String, Entry> tensors;
    private final Map<String, String> metadata;
    private final String headerSha256;

    private SafetensorsFile(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        long fileSize = channel.size();
        if (fileSize < 8) {
            throw new ModelFileException(path + ": too short to be a safetensors file");
        }
        long headerLength = channel.map(FileChannel.MapMode.READ_ONLY, 0, 8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getLong(0);
        if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > fileSize) {
            throw new ModelFileException(path + ": header length " + headerLength + " is invalid for a file of "
                    + fileSize + " bytes; not a safetensors file, or truncated");
        }
        ByteBuffer header = channel.map(FileChannel.MapMode.READ_ONLY, 0, 8 + headerLength);
        this.dataOffset = 8 + headerLength;
        this.headerSha256 = sha256(header, fileSize);
        byte[] json = new byte[(int) headerLength];
        header.get(8, json);
        JsonNode root;
        try {
            root = JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new ModelFileException(path + ": header is not valid JSON: " + e.getOriginalMessage(), e);
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : root.properties()) {
            if (property.getKey().equals("__metadata__")) {
                property.getValue()
                        .properties()
                        .forEach(m -> meta.put(m.getKey(), m.getValue().asString()));
                continue;
            }
            Entry entry = parseEntry(property.getKey(), property.getValue());
            if (dataOffset + entry.end() > fileSize) {
                throw new ModelFileException(path + ": tensor '" + entry.name() + "' ends past the end of the file; "
                        + "the file is truncated");
            }
            entries.put(entry.name(), entry);
        }
        this.tensors = Collections.unmodifiableMap(entries);
        this.metadata = Collections.unmodifiableMap(meta);
    }

    /**
     * Opens a safetensors file and reads its header.
     *
     * @throws ModelFileException when the file is missing or its header is malformed
     */
    public static SafetensorsFile open(Path path) {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(path + ": file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
        try {
            return new SafetensorsFile(path, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot read " + path, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private Entry parseEntry(String name, JsonNode node) {
        JsonNode dtype = node.get("dtype");
        JsonNode shape = node.get("shape");
        JsonNode offsets = node.get("data_offsets");
        if (dtype == null || shape == null || offsets == null || !shape.isArray() || offsets.size() != 2) {
            throw new ModelFileException(path + ": header entry '" + name + "' lacks dtype, shape or data_offsets");
        }
        long[] dimensions = new long[shape.size()];
        for (int i = 0; i < dimensions.length; i++) {
            dimensions[i] = shape.get(i).asLong();
        }
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        if (begin < 0 || end < begin) {
            throw new ModelFileException(
                    path + ": header entry '" + name + "' has data_offsets [" + begin + ", " + end + "]");
        }
        return new Entry(name, dtype.asString(), dimensions, begin, end);
    }

    public Path path() {
        return path;
    }

    /** The tensors in header order, by name. */
    public Map<String, Entry> tensors() {
        return tensors;
    }

    /** The header's {@code __metadata__} strings (often {@code format: pt}). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** sha256 of the header plus the file size. */
    public String headerSha256() {
        return headerSha256;
    }

    /** Maps one tensor's raw bytes (little-endian, read-only). */
    public ByteBuffer map(Entry entry) {
        long size = entry.end() - entry.begin();
        if (size > Integer.MAX_VALUE) {
            throw new ModelFileException(
                    path + ": tensor '" + entry.name() + "' is " + size + " bytes, over the 2 GiB a buffer can hold");
        }
        try {
            return channel.map(FileChannel.MapMode.READ_ONLY, dataOffset + entry.begin(), size)
                    .order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map tensor '" + entry.name() + "' of " + path, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static String sha256(ByteBuffer header, long fileSize) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(header.duplicate());
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
            // nothing useful to do: mappings stay valid until collected
        }
    }
}
