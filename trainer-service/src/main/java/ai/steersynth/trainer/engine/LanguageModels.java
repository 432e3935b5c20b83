package ai.steersynth.trainer.engine;

import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.trainer.domain.ResidualFeatures;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language models the trainer reads, loaded lazily on first use, once per source, and shared by every detector
 * run. At most {@code maxLoaded} are held: loading another first closes the least recently used one. All use of the
 * models is serialised on this object, so a model is never closed while it is read, and concurrent runs on one
 * machine do not multiply the memory a forward pass takes (the engine parallelises each pass itself).
 */
public final class LanguageModels implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LanguageModels.class);

    private final ModelLoader loader;
    private final int maxLoaded;
    private final int maxTokens;
    private final int batchSize;
    private final int cacheCapacity;
    private final Map<ModelSource, Held> held = new LinkedHashMap<>(4, 0.75f, true);
    private boolean closed;

    /**
     * @param loader loads a model from its source
     * @param maxLoaded the most models held at once, at least 1
     * @param maxTokens the most tokens of a text read, at least 2
     * @param batchSize texts per forward pass, at least 1
     * @param cacheCapacity feature vectors cached per model
     */
    public LanguageModels(ModelLoader loader, int maxLoaded, int maxTokens, int batchSize, int cacheCapacity) {
        this.loader = Objects.requireNonNull(loader, "loader");
        if (maxLoaded < 1) {
            throw new IllegalArgumentException("maxLoaded must be at least 1, got " + maxLoaded);
        }
        if (maxTokens < 2) {
            throw new IllegalArgumentException("maxTokens must be at least 2, got " + maxTokens);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (cacheCapacity < 0) {
            throw new IllegalArgumentException("cacheCapacity must be non-negative, got " + cacheCapacity);
        }
        this.maxLoaded = maxLoaded;
        this.maxTokens = maxTokens;
        this.batchSize = batchSize;
        this.cacheCapacity = cacheCapacity;
    }

    /** The residual features of the model at {@code source}; nothing is loaded until they are first read. */
    public ResidualFeatures features(ModelSource source) {
        Objects.requireNonNull(source, "source");
        return new Features(source);
    }

    /** Runs {@code action} on the source's reader, loading the model first if it is not held. */
    public synchronized <T> T use(ModelSource source, Function<ResidualFeatureReader, T> action) {
        if (closed) {
            throw new IllegalStateException("the trainer's language models are closed");
        }
        Held model = held.get(source);
        if (model == null) {
            while (held.size() >= maxLoaded) {
                Iterator<Map.Entry<ModelSource, Held>> eldest = held.entrySet().iterator();
                Map.Entry<ModelSource, Held> entry = eldest.next();
                eldest.remove();
                log.info("Closing model {} to make room for {}", entry.getKey().asText(), source.asText());
                entry.getValue().loaded().close();
            }
            long started = System.nanoTime();
            LoadedModel loaded = loader.load(source);
            model = new Held(loaded, new ResidualFeatureReader(loaded, maxTokens, batchSize, cacheCapacity));
            held.put(source, model);
            log.info(
                    "Loaded {} ({} layers) for the model-reading detectors in {} ms",
                    source.asText(),
                    model.reader().numberOfLayers(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return action.apply(model.reader());
    }

    /** The most tokens of a text read. */
    public int maxTokens() {
        return maxTokens;
    }

    /** How many models are held now. */
    public synchronized int loadedCount() {
        return held.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        held.values().forEach(h -> h.loaded().close());
        held.clear();
    }

    private record Held(LoadedModel loaded, ResidualFeatureReader reader) {}

    private final class Features implements ResidualFeatures {

        private final ModelSource source;

        Features(ModelSource source) {
            this.source = source;
        }

        @Override
        public String model() {
            return source.asText();
        }

        @Override
        public int numberOfLayers() {
            return use(source, ResidualFeatureReader::numberOfLayers);
        }

        @Override
        public int maxTokens() {
            return maxTokens;
        }

        @Override
        public float[][] features(List<String> texts, int layer) {
            return use(source, reader -> reader.features(texts, layer));
        }
    }
}
