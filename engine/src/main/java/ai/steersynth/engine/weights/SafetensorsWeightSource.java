package ai.steersynth.engine.weights;

import ai.steersynth.engine.ModelFileException;
import ai.steersynth.engine.model.ModelConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Hugging Face checkpoint directory: {@code config.json} plus {@code model.safetensors} or the
 * shards listed in {@code model.safetensors.index.json}. F32 tensors are handed out as their file
 * mapping; F16 and BF16 are widened to fp32 in Java (DJL's BF16 aborts the JVM, STACK-NOTES 1).
 */
public final class SafetensorsWeightSource implements WeightSource {

    private static final String INDEX_FILE = "model.safetensors.index.json";
    private static final String SINGLE_FILE = "model.safetensors";
    private static final int CHUNK = 1 << 16;

    private final Path directory;
    private final ModelConfig config;
    private final List<SafetensorsFile> files;
    private final Map<String, SafetensorsFile> fileByTensor;
    private final String contentHash;

    private SafetensorsWeightSource(Path directory, ModelConfig config, List<SafetensorsFile> files) {
        this.directory = directory;
        this.config = config;
        this.files = files;
        Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
        for (SafetensorsFile file : files) {
            for (String name : file.tensors().keySet()) {
                // a tied checkpoint may still carry lm_head.weight; the contract is to list none
                if (!(config.tiedEmbeddings() && name.equals("lm_head.weight"))) {
                    byTensor.put(name, file);
                }
            }
        }
        this.fileByTensor = Collections.unmodifiableMap(byTensor);
        if (!config.tiedEmbeddings() && !byTensor.containsKey("lm_head.weight")) {
            throw new ModelFileException(
                    directory + ": no tensor 'lm_head.weight' although config.json has " + "tie_word_embeddings false");
        }
        this.contentHash = combinedHash(files);
    }

    /**
     * Opens a checkpoint directory (or a single {@code .safetensors} file next to its {@code config.json}).
     *
     * @throws ModelFileException when config.json or the weights are missing or malformed
     */
    public static SafetensorsWeightSource open(Path path) {
        Path directory = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        ModelConfig config = HuggingFaceConfigMapping.read(directory.resolve("config.json"));
        List<Path> shardPaths = Files.isDirectory(path) ? shardPaths(directory) : List.of(path);
        List<SafetensorsFile> files = new ArrayList<>();
        try {
            for (Path shard : shardPaths) {
                files.add(SafetensorsFile.open(shard));
            }
            return new SafetensorsWeightSource(directory, config, List.copyOf(files));
        } catch (RuntimeException e) {
            files.forEach(SafetensorsFile::close);
            throw e;
        }
    }

    private static List<Path> shardPaths(Path directory) {
        Path index = directory.resolve(INDEX_FILE);
        if (Files.isRegularFile(index)) {
            try {
                JsonNode weightMap = JsonMapper.builder()
                        .build()
                        .readTree(Files.readString(index))
                        .get("weight_map");
                if (weightMap == null || !weightMap.isObject()) {
                    throw new ModelFileException(index + ": key 'weight_map' is missing");
                }
                // distinct shard names in sorted order, so the content hash does not depend on map order
                TreeMap<String, Path> shards = new TreeMap<>();
                weightMap
                        .properties()
                        .forEach(e -> shards.put(
                                e.getValue().asString(),
                                directory.resolve(e.getValue().asString())));
                return List.copyOf(shards.values());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + index, e);
            } catch (JacksonException e) {
                throw new ModelFileException(index + ": not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        Path single = directory.resolve(SINGLE_FILE);
        if (Files.isRegularFile(single)) {
            return List.of(single);
        }
        try (Stream<Path> listing = Files.list(directory)) {
            List<Path> candidates = listing.filter(
                            p -> p.getFileName().toString().endsWith(".safetensors"))
                    .sorted()
                    .toList();
            if (candidates.size() == 1) {
                return candidates;
            }
            throw new ModelFileException(directory + ": no " + SINGLE_FILE + " or " + INDEX_FILE + " (found "
                    + candidates.size() + " .safetensors files)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public Set<String> tensorNames() {
        return fileByTensor.keySet();
    }

    @Override
    public long[] shape(String name) {
        return entry(name).shape().clone();
    }

    @Override
    public ByteBuffer float32(String name) {
        SafetensorsFile file = fileByTensor.get(name);
        SafetensorsFile.Entry entry = entry(name);
        ByteBuffer raw = file.map(entry);
        long elements = entry.elementCount();
        String dtype = entry.dtype();
        if (dtype.equals("F32")) {
            return raw;
        }
        if (!dtype.equals("F16") && !dtype.equals("BF16")) {
            throw new ModelFileException(file.path() + ": tensor '" + name + "' has dtype " + dtype
                    + ", which is not supported (supported: F32, F16, BF16)");
        }
        if (elements * Float.BYTES > Integer.MAX_VALUE) {
            throw new ModelFileException(file.path() + ": tensor '" + name + "' has " + elements
                    + " elements, over the 2 GiB an fp32 buffer can hold");
        }
        ByteBuffer result =
                ByteBuffer.allocateDirect((int) elements * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        widen(raw.asShortBuffer(), result.asFloatBuffer(), dtype.equals("BF16"));
        return result;
    }

    /** fp16/bf16 to fp32 a chunk at a time through heap arrays (bulk buffer transfers are the fast path). */
    static void widen(ShortBuffer source, FloatBuffer target, boolean bfloat16) {
        short[] halves = new short[Math.min(CHUNK, source.remaining())];
        float[] floats = new float[halves.length];
        while (source.hasRemaining()) {
            int count = Math.min(halves.length, source.remaining());
            source.get(halves, 0, count);
            for (int i = 0; i < count; i++) {
                floats[i] =
                        bfloat16 ? HalfPrecision.bfloat16ToFloat(halves[i]) : HalfPrecision.float16ToFloat(halves[i]);
            }
            target.put(floats, 0, count);
        }
    }

    private SafetensorsFile.Entry entry(String name) {
        SafetensorsFile file = fileByTensor.get(name);
        if (file == null) {
            throw new ModelFileException(directory + ": no tensor named '" + name + "'");
        }
        return file.tensors().get(name);
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public String contentHash() {
        return contentHash;
    }

    @Override
    public void close() {
        files.forEach(SafetensorsFile::close);
    }

    private static String combinedHash(List<SafetensorsFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach(file -> digest.update(file.headerSha256().getBytes(StandardCharsets.US_ASCII)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
