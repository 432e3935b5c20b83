package ai.steersynth.generator.engine;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.ModelSource;
import ai.steersynth.engine.steering.extract.ExtractionOptions;
import ai.steersynth.engine.steering.extract.SteeringVector;
import ai.steersynth.engine.steering.extract.SteeringVectorExtractor;
import ai.steersynth.engine.steering.extract.SteeringVectorJson;
import ai.steersynth.engine.steering.extract.SteeringVectorSet;
import ai.steersynth.generator.config.GeneratorProperties;
import ai.steersynth.generator.domain.ResolvedSteering;
import ai.steersynth.generator.domain.SteeringResolver;
import ai.steersynth.generator.persistence.VectorRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves a steered config's vector: from the cache (per model, concept, method, layer and data)
 * or by extracting it from the concept pack's contrastive pairs on the loaded model, then scales it
 * to the config's strength (relative strengths in units of the layer's mean residual norm).
 */
@Component
class EngineSteeringResolver implements SteeringResolver {

    private static final Logger log = LoggerFactory.getLogger(EngineSteeringResolver.class);

    private final LoadedModels models;
    private final VectorRepository vectors;
    private final GeneratorProperties properties;

    EngineSteeringResolver(LoadedModels models, VectorRepository vectors, GeneratorProperties properties) {
        this.models = models;
        this.vectors = vectors;
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

    private synchronized SteeringVector vector(LoadedModels.LoadedModel loaded, ConfigSpec config, ConceptPack pack) {
        ExtractionOptions options = ExtractionOptions.defaults().withMaxPairs(properties.maxVectorPairs());
        String modelHash = loaded.model().contentHash();
        String dataHash =
                (pack.provenance() == null ? pack.id() : pack.provenance().contentHash()) + ":pairs="
                        + options.maxPairs() + ":seed=" + options.seed();
        String method = config.method().name();
        var cached = vectors.find(modelHash, pack.id(), method, config.layer(), dataHash);
        if (cached.isPresent()) {
            return SteeringVectorJson.fromJson(cached.get().provenanceJson()).single();
        }
        long started = System.nanoTime();
        SteeringVectorSet set = SteeringVectorExtractor.of(loaded.files(), loaded.model())
                .extract(pack, config.method(), options, config.layer());
        SteeringVector vector = set.single();
        vectors.save(
                modelHash,
                pack.id(),
                method,
                config.layer(),
                dataHash,
                vector.direction(),
                vector.meanResidualNorm(),
                SteeringVectorJson.toJson(set));
        log.info(
                "Extracted {} vector for {} at layer {} in {} ms ({} pairs)",
                method,
                pack.id(),
                config.layer(),
                (System.nanoTime() - started) / 1_000_000,
                vector.provenance().pairCount());
        return vector;
    }
}
