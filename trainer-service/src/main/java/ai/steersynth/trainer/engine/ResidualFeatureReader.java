package ai.steersynth.trainer.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.steersynth.engine.model.KeyValueCache;
import ai.steersynth.engine.model.LlamaModel;
import ai.steersynth.engine.model.ModelConfig;
import ai.steersynth.engine.model.ResidualStreamHook;
import ai.steersynth.engine.steering.extract.EncodedText;
import ai.steersynth.engine.steering.extract.ResidualReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mean-pooled residual features of one loaded model. A text is encoded with the model's tokenizer (its special
 * tokens, e.g. BOS, as the tokenizer adds them; no chat template), cut to its last {@code maxTokens} tokens (the
 * first token kept), and run through the model; the feature is the residual after the requested block averaged over
 * every position but the first. The first position is left out because its residual is the model's attention sink,
 * with a norm far above the rest whatever the text says; a one-token text reads its only position.
 *
 * <p>Vectors are cached by (layer, text), least recently used first out, so the test split read once per seed costs
 * one forward pass. Not thread-safe: {@link LanguageModels} serialises all use of a model.
 */
public final class ResidualFeatureReader {

    private final LoadedModel loaded;
    private final ResidualReader reader;
    private final int maxTokens;
    private final int batchSize;
    private final Map<String, float[]> cache;

    /**
     * @param loaded the model and tokenizer; not closed here
     * @param maxTokens the most tokens of a text read, at least 2
     * @param batchSize texts per forward pass, at least 1
     * @param cacheCapacity the most vectors kept; 0 turns the cache off
     */
    public ResidualFeatureReader(LoadedModel loaded, int maxTokens, int batchSize, int cacheCapacity) {
        this.loaded = Objects.requireNonNull(loaded, "loaded");
        if (maxTokens < 2) {
            throw new IllegalArgumentException("maxTokens must be at least 2, got " + maxTokens);
        }
        if (cacheCapacity < 0) {
            throw new IllegalArgumentException("cacheCapacity must be non-negative, got " + cacheCapacity);
        }
        this.reader = new ResidualReader(loaded.model(), batchSize);
        this.maxTokens = maxTokens;
        this.batchSize = batchSize;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > cacheCapacity;
            }
        };
    }

    /** The model's number of blocks. */
    public int numberOfLayers() {
        return loaded.model().config().numberOfLayers();
    }

    /** Where the model was loaded from. */
    public String description() {
        return loaded.description();
    }

    /** The most tokens read per text. */
    public int maxTokens() {
        return maxTokens;
    }

    /** One {@code hiddenSize} vector per text, in order; each array is the caller's. */
    public float[][] features(List<String> texts, int layer) {
        Objects.requireNonNull(texts, "texts");
        float[][] result = new float[texts.size()][];
        Map<String, List<Integer>> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = Objects.requireNonNull(texts.get(i), "texts contains null");
            float[] cached = cache.get(key(layer, text));
            if (cached != null) {
                result[i] = cached.clone();
            } else {
                missing.computeIfAbsent(text, t -> new ArrayList<>()).add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<String> distinct = new ArrayList<>(missing.keySet());
            List<EncodedText> encoded = distinct.stream().map(this::encode).toList();
            List<ResidualReader.Reading> readings = reader.read(encoded, layer);
            for (int d = 0; d < distinct.size(); d++) {
                float[] vector = readings.get(d).meanByLayer().get(layer);
                cache.put(key(layer, distinct.get(d)), vector);
                for (int index : missing.get(distinct.get(d))) {
                    result[index] = vector.clone();
                }
            }
        }
        return result;
    }

    /**
     * Per text, the residual after block {@code layer} at every position (the first included), in order: what the
     * {@code finetune} detector trains on. Texts are encoded as for {@link #features}; nothing is cached.
     */
    public List<TokenResiduals> tokenResiduals(List<String> texts, int layer) {
        Objects.requireNonNull(texts, "texts");
        LlamaModel model = loaded.model();
        int layers = model.config().numberOfLayers();
        if (layer < 0 || layer >= layers) {
            throw new IllegalArgumentException("layer " + layer + " outside the model's " + layers + " blocks");
        }
        int hidden = model.config().hiddenSize();
        List<TokenResiduals> out = new ArrayList<>();
        for (int start = 0; start < texts.size(); start += batchSize) {
            List<EncodedText> rows = texts.subList(start, Math.min(texts.size(), start + batchSize)).stream()
                    .map(this::encode)
                    .toList();
            int batch = rows.size();
            int longest = rows.stream().mapToInt(r -> r.tokenIds().length).max().orElseThrow();
            int[] leftPadding = new int[batch];
            long[] tokenIds = new long[batch * longest];
            for (int b = 0; b < batch; b++) {
                int[] ids = rows.get(b).tokenIds();
                leftPadding[b] = longest - ids.length;
                for (int i = 0; i < ids.length; i++) {
                    tokenIds[b * longest + leftPadding[b] + i] = ids[i];
                }
            }
            float[][] captured = new float[1][];
            try (NDManager request = model.newRequestManager();
                    KeyValueCache cache = model.newCache(request, leftPadding, longest);
                    NDManager step = request.newSubManager()) {
                ResidualStreamHook hook = (l, stream) -> {
                    if (l == layer) {
                        captured[0] = stream.toFloatArray();
                    }
                    return stream;
                };
                model.forward(step.create(tokenIds, new Shape(batch, longest)), cache, hook);
            }
            for (int b = 0; b < batch; b++) {
                int length = longest - leftPadding[b];
                int from = (b * longest + leftPadding[b]) * hidden;
                float[] values = Arrays.copyOfRange(captured[0], from, from + length * hidden);
                out.add(new TokenResiduals(values, length, hidden, rows.get(b).readFrom()));
            }
        }
        return out;
    }

    /** The model's configuration. */
    public ModelConfig config() {
        return loaded.model().config();
    }

    /** A float32 copy of one tensor of the model's checkpoint, by its Hugging Face name. */
    public float[] weight(String name) {
        if (!loaded.weights().tensorNames().contains(name)) {
            throw new IllegalArgumentException(loaded.description() + " has no tensor " + name);
        }
        ByteBuffer buffer = loaded.weights().float32(name).duplicate().order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[buffer.remaining() / 4];
        buffer.asFloatBuffer().get(values);
        return values;
    }

    /** The device the model runs on. */
    public Device device() {
        return loaded.model().device();
    }

    /**
     * The residual of one text at every position.
     *
     * @param values {@code [length, hidden]} row-major
     * @param length positions
     * @param hidden the residual width
     * @param readFrom the first position pooled over (the first is the attention sink, see the class comment)
     */
    public record TokenResiduals(float[] values, int length, int hidden, int readFrom) {}

    /** The text's tokens as read: cut to the first token plus the last {@code maxTokens - 1}, read from 1. */
    EncodedText encode(String text) {
        int[] ids = loaded.tokenizer().encode(text, true);
        if (ids.length == 0) {
            int stand = loaded.tokenizer().bosTokenId() >= 0
                    ? loaded.tokenizer().bosTokenId()
                    : loaded.tokenizer().eosTokenId();
            if (stand < 0) {
                throw new IllegalArgumentException("the tokenizer of " + loaded.description()
                        + " encodes an empty text to no tokens and has neither BOS nor EOS to stand in");
            }
            ids = new int[] {stand};
        }
        if (ids.length > maxTokens) {
            int[] cut = new int[maxTokens];
            cut[0] = ids[0];
            System.arraycopy(ids, ids.length - (maxTokens - 1), cut, 1, maxTokens - 1);
            ids = cut;
        }
        return new EncodedText(ids, ids.length > 1 ? 1 : 0);
    }

    private static String key(int layer, String text) {
        return layer + "\u0000" + text;
    }

    @Override
    public String toString() {
        return "ResidualFeatureReader[" + loaded.description() + ", maxTokens " + maxTokens + ", layers "
                + numberOfLayers() + ", cached " + cache.size() + "]";
    }
}
