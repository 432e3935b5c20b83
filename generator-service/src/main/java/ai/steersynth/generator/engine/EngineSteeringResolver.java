package ai.steersynth.generator.engine;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.engine.steering.extract.ActivationCache;
import ai.steersynth.engine.steering.extract.ExtractionOptions;
import ai.steersynth.engine.steering.extract.SteeringVector;
import ai.steersynth.engine.steering.extract.SteeringVectorExtractor;
import ai.steersynth.engine.steering.extract.SteeringVectorJson;
import ai.steersynth.engine.steering.extract.SteeringVectorSet;
import ai.steersynth.generator.config.GeneratorProperties;
import ai.steersynth.generator.domain.ResolvedSteering;
import ai.steersynth.generator.domain.SteeringResolver;
import ai.steersynth.generator.persistence.TaskRepository;
import ai.steersynth.generator.persistence.VectorRepository;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves a steered config's vector: from the cache (per model, concept, method, layer and data)
 * or by extracting it from the concept pack's contrastive pairs on the loaded model, then scales it
 * to the config's strength (relative strengths in units of the layer's mean residual norm).
 *
 * <p>Extraction reads, in one pass over the pairs, every layer the config's sweep steers for that
 * concept and model, and keeps the activations in a small in-memory cache: the other methods and
 * layers of the sweep cost no further pass. The task remembers the vector it used.
 */
@Component
class EngineSteeringResolver implements SteeringResolver {

    private static final Logger log = LoggerFactory.getLogger(EngineSteeringResolver.class);

    /** Collections kept in memory: each holds two activations per pair per layer read. */
    private static final int ACTIVATION_CACHE_ENTRIES = 8;

    private final LoadedModels models;
    private final VectorRepository vectors;
    private final TaskRepository tasks;
    private final GeneratorProperties properties;
    private final ActivationCache activations = new ActivationCache(ACTIVATION_CACHE_ENTRIES);

    EngineSteeringResolver(
            LoadedModels models, VectorRepository vectors, TaskRepository tasks, GeneratorProperties properties) {
        this.models = models;
        this.vectors = vectors;
        this.tasks = tasks;
        this.properties = properties;
    }

    @Override
    public ResolvedSteering resolve(ModelSource source, ConfigSpec config, ConceptPack pack) {
        LoadedModels.LoadedModel loaded = models.get(source);
        int layers = loaded.model().config().numberOfLayers();
        if (config.layer() < 0 || config.layer() >= layers) {
            throw new IllegalArgumentException("layer " + config.layer() + " does not exist: the model has " + layers
                    + " layers (0.." + (layers - 1) + ")");
        }
        SteeringVector vector = vector(loaded, config, pack);
        return new ResolvedSteering(
                config.layer(),
                vector.direction(),
                (float) vector.absoluteStrength(config.strength(), config.strengthMode()),
                config.positionPolicy(),
                vector.provenance().injectionPositions());
    }

    /** Passes over packs' pairs this resolver has run (for logs and tests). */
    long activationCollections() {
        return activations.collections();
    }

    private synchronized SteeringVector vector(LoadedModels.LoadedModel loaded, ConfigSpec config, ConceptPack pack) {
        ExtractionOptions options = ExtractionOptions.defaults().withMaxPairs(properties.maxVectorPairs());
        String modelHash = loaded.model().contentHash();
        String dataHash =
                (pack.provenance() == null ? pack.id() : pack.provenance().contentHash()) + ":pairs="
                        + options.maxPairs() + ":seed=" + options.seed();
        String method = config.method().name();
        var cached = vectors.find(modelHash, pack.id(), method, config.layer(), dataHash);
        if (cached.isPresent()) {
            vectors.linkConfig(config.configId(), cached.get().id());
            return SteeringVectorJson.fromJson(cached.get().provenanceJson()).single();
        }
        long started = System.nanoTime();
        long collectionsBefore = activations.collections();
        SteeringVectorExtractor extractor =
                SteeringVectorExtractor.of(loaded.files(), loaded.model()).withCache(activations);
        // Read every layer this sweep steers (within the model) in the same pass as this one.
        int modelLayers = loaded.model().config().numberOfLayers();
        int[] sweepLayers = IntStream.concat(
                        Arrays.stream(tasks.steeredLayers(config.sweepId(), config.modelId(), config.conceptId())),
                        IntStream.of(config.layer()))
                .filter(l -> l >= 0 && l < modelLayers)
                .distinct()
                .sorted()
                .toArray();
        SteeringVector vector = extractor.vector(
                extractor.collect(pack, options, sweepLayers), config.method(), config.layer(), options);
        UUID id = vectors.save(
                modelHash,
                pack.id(),
                method,
                config.layer(),
                dataHash,
                vector.direction(),
                vector.meanResidualNorm(),
                SteeringVectorJson.toJson(
                        SteeringVectorSet.of(loaded.model().config().architecture(), vector)));
        vectors.linkConfig(config.configId(), id);
        log.info(
                "Extracted {} vector {} for {} at layer {} in {} ms ({} pairs, {})",
                method,
                id,
                pack.id(),
                config.layer(),
                (System.nanoTime() - started) / 1_000_000,
                vector.provenance().pairCount(),
                activations.collections() > collectionsBefore
                        ? "collected layers " + Arrays.toString(sweepLayers)
                        : "activations reused");
        return vector;
    }
}
