package ai.steersynth.ml.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised ONNX, shipped inside the langchain4j jar, so no
 * network is needed): 384-dimensional, mean-pooled, L2-normalised.
 *
 * <p>The ONNX session is loaded once per JVM, on first use, and shared by every instance; each instance
 * keeps its own small LRU cache keyed by text, so re-embedding the same test split for several detectors
 * costs one model call per distinct text. Instances are thread-safe.
 *
 * <p>The model rejects input without tokens, so a blank text (an empty generation, or one of no-break spaces) is
 * embedded as
 * {@link #BLANK_TEXT_STAND_IN}: every blank text maps to the same point, which is what a detector should
 * see for "no content".
 */
public final class SentenceEmbedder {

    /** Length of every embedding vector. */
    public static final int DIMENSION = 384;

    /** What a blank text is embedded as. */
    public static final String BLANK_TEXT_STAND_IN = "[empty]";

    /** Texts sent to the model per call; bounds the futures and tensors alive at once. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    /** Cached vectors per instance: 4096 x 384 floats is about 6 MiB. */
    public static final int DEFAULT_CACHE_CAPACITY = 4096;

    private final int batchSize;
    private final Map<String, float[]> cache;

    /** An embedder with the default batch size and cache capacity. */
    public SentenceEmbedder() {
        this(DEFAULT_BATCH_SIZE, DEFAULT_CACHE_CAPACITY);
    }

    /**
     * @param batchSize texts per model call, at least 1
     * @param cacheCapacity the most texts whose vectors are kept; 0 turns the cache off
     */
    public SentenceEmbedder(int batchSize, int cacheCapacity) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (cacheCapacity < 0) {
            throw new IllegalArgumentException("cacheCapacity must be non-negative, got " + cacheCapacity);
        }
        this.batchSize = batchSize;
        this.cache = new LruCache(cacheCapacity);
    }

    /**
     * Embeds texts in order.
     *
     * @param texts the texts; none may be {@code null}
     * @return one L2-normalised {@link #DIMENSION}-d vector per text, {@code result[i]} for {@code texts.get(i)};
     *     each array is the caller's to keep or change
     */
    public float[][] embed(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        float[][] result = new float[texts.size()][];
        // Distinct texts not in the cache, in first-seen order, each with the result slots it fills.
        Map<String, List<Integer>> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = Objects.requireNonNull(texts.get(i), () -> "texts contains null");
            float[] cached = cached(text);
            if (cached != null) {
                result[i] = cached.clone();
            } else {
                missing.computeIfAbsent(text, t -> new ArrayList<>()).add(i);
            }
        }
        List<String> toEmbed = new ArrayList<>(missing.keySet());
        for (int start = 0; start < toEmbed.size(); start += batchSize) {
            List<String> batch = toEmbed.subList(start, Math.min(start + batchSize, toEmbed.size()));
            float[][] vectors = embedUncached(batch);
            for (int b = 0; b < batch.size(); b++) {
                remember(batch.get(b), vectors[b]);
                for (int slot : missing.get(batch.get(b))) {
                    result[slot] = vectors[b].clone();
                }
            }
        }
        return result;
    }

    /** Embeds one text; see {@link #embed(List)}. */
    public float[] embed(String text) {
        return embed(List.of(text))[0];
    }

    private static float[][] embedUncached(List<String> batch) {
        List<TextSegment> segments = new ArrayList<>(batch.size());
        for (String text : batch) {
            segments.add(TextSegment.from(isBlank(text) ? BLANK_TEXT_STAND_IN : text));
        }
        List<Embedding> embeddings = Model.INSTANCE.embedAll(segments).content();
        float[][] vectors = new float[batch.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = normalised(embeddings.get(i).vector());
        }
        return vectors;
    }

    /**
     * Whether the model would see no token in {@code text}. Its BERT tokenizer drops whitespace, every Unicode space
     * separator and control and format characters, which {@link String#isBlank()} does not all cover: a steered
     * model that emits 32 no-break spaces (U+00A0) must not make the embedding fail.
     */
    static boolean isBlank(String text) {
        return text.codePoints()
                .allMatch(c -> Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.CONTROL
                        || Character.getType(c) == Character.FORMAT);
    }

    /** Scales to unit L2 norm (accumulated in double); the model already normalises, this makes it a contract. */
    static float[] normalised(float[] vector) {
        if (vector.length != DIMENSION) {
            throw new IllegalStateException("expected " + DIMENSION + "-d embedding, got " + vector.length);
        }
        double sumOfSquares = 0;
        for (float v : vector) {
            sumOfSquares += (double) v * v;
        }
        double norm = Math.sqrt(sumOfSquares);
        if (norm == 0 || !Double.isFinite(norm)) {
            throw new IllegalStateException("embedding has norm " + norm);
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    private float[] cached(String text) {
        synchronized (cache) {
            return cache.get(text);
        }
    }

    private void remember(String text, float[] vector) {
        synchronized (cache) {
            cache.put(text, vector);
        }
    }

    /** Number of texts whose vectors are cached now. */
    public int cachedCount() {
        synchronized (cache) {
            return cache.size();
        }
    }

    /**
     * The model, created on first use (class initialisation is lazy and thread-safe), once per JVM. The
     * session inside is safe for concurrent runs; the model parallelises a batch over its own executor.
     */
    private static final class Model {
        static final EmbeddingModel INSTANCE = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** Access-ordered map that drops the least recently used entry beyond its capacity. */
    private static final class LruCache extends LinkedHashMap<String, float[]> {
        private final int capacity;

        LruCache(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > capacity;
        }
    }
}
