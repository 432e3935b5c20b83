package ai.steersynth.engine.steering.extract;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.pack.ContrastivePair;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.engine.ModelFiles;
import ai.steersynth.engine.model.LlamaModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Extracts steering vectors for one loaded model: collects a pack's contrastive activations once for
 * all requested layers, then computes each vector with the registered method, normalised to unit
 * length and paired with its layer's mean residual norm and provenance.
 *
 * <pre>{@code
 * try (ModelFiles files = ModelFiles.open(path);
 *         LlamaModel model = LlamaModel.load(files.weights(), device)) {
 *     SteeringVectorExtractor extractor = SteeringVectorExtractor.of(files, model);
 *     SteeringVectorSet set = extractor.extract(pack, SteeringMethod.PCA, ExtractionOptions.defaults(), 12);
 *     Steering steering = set.atLayer(12).steering(0.5, StrengthMode.RELATIVE, PositionPolicy.PROMPT_AND_GENERATION);
 * }
 * }</pre>
 */
public final class SteeringVectorExtractor {

    /** TEXT completions longer than this many tokens are cut. */
    public static final int DEFAULT_MAX_COMPLETION_TOKENS = 256;

    private final LlamaModel model;
    private final PairEncoder encoder;
    private final ExtractorRegistry registry;
    private final ActivationCache cache;

    /**
     * @param model the loaded model (its content hash goes into provenance); not closed here
     * @param encoder encodes pairs with the model's tokenizer and chat template
     * @param registry the methods
     */
    public SteeringVectorExtractor(LlamaModel model, PairEncoder encoder, ExtractorRegistry registry) {
        this(model, encoder, registry, null);
    }

    private SteeringVectorExtractor(
            LlamaModel model, PairEncoder encoder, ExtractorRegistry registry, ActivationCache cache) {
        this.model = model;
        this.encoder = encoder;
        this.registry = registry;
        this.cache = cache;
    }

    /**
     * This extractor, keeping pack collections in {@code activationCache} (shared between extractors
     * of the same model): a second method or a layer already read costs no forward pass.
     */
    public SteeringVectorExtractor withCache(ActivationCache activationCache) {
        return new SteeringVectorExtractor(model, encoder, registry, activationCache);
    }

    /** An extractor with the model's own tokenizer and chat template and the default methods. */
    public static SteeringVectorExtractor of(ModelFiles files, LlamaModel model) {
        return new SteeringVectorExtractor(
                model,
                new PairEncoder(files.tokenizer(), files.chatTemplate(), DEFAULT_MAX_COMPLETION_TOKENS),
                ExtractorRegistry.defaults());
    }

    /** The pack's pairs to use: all, or a seeded sample of {@code options.maxPairs()} kept in pack order. */
    public static List<ContrastivePair> selectPairs(List<ContrastivePair> pairs, ExtractionOptions options) {
        if (options.maxPairs() == 0 || options.maxPairs() >= pairs.size()) {
            return List.copyOf(pairs);
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, new Random(options.seed()));
        return indices.subList(0, options.maxPairs()).stream()
                .sorted()
                .map(pairs::get)
                .toList();
    }

    /**
     * Collects the (selected) pairs of {@code pack} at every one of {@code layers} in one pass, or
     * takes them from the cache ({@link #withCache}); cached activations may hold more layers.
     */
    public ContrastiveActivations collect(ConceptPack pack, ExtractionOptions options, int... layers) {
        if (pack.contrastivePairs().isEmpty()) {
            throw new IllegalArgumentException("pack '" + pack.id() + "' has no contrastive pairs");
        }
        String contentHash =
                pack.provenance() == null ? null : pack.provenance().contentHash();
        List<ContrastivePair> pairs = selectPairs(pack.contrastivePairs(), options);
        if (cache == null) {
            return collect(pairs, options, pack.id(), contentHash, layers);
        }
        // Keyed by the pack's content hash when it has one, else by its pairs' hash (an unhashed
        // pack edited in place must not hit a stale entry).
        ActivationCache.Key key = new ActivationCache.Key(
                model.contentHash(),
                pack.id(),
                contentHash == null ? PairHashes.sha256(pairs) : contentHash,
                options.maxPairs(),
                options.seed());
        return cache.get(key, layers, all -> collect(pairs, options, pack.id(), contentHash, all));
    }

    /** Collects {@code pairs} at {@code layers}; {@code packId} and {@code packContentHash} may be null. */
    public ContrastiveActivations collect(
            List<ContrastivePair> pairs,
            ExtractionOptions options,
            String packId,
            String packContentHash,
            int... layers) {
        ActivationCollector collector =
                new ActivationCollector(encoder, new ResidualReader(model, options.batchSize()));
        return collector.collect(pairs, layers, packId, packContentHash);
    }

    /** One vector from collected activations. */
    public SteeringVector vector(
            ContrastiveActivations activations, SteeringMethod method, int layer, ExtractionOptions options) {
        DirectionEstimate estimate = registry.get(method).extract(activations, layer, options);
        List<ContrastivePair> used = new ArrayList<>();
        for (int index : estimate.pairIndices()) {
            used.add(activations.pairs().get(index));
        }
        if (estimate.pairIndices().length == activations.pairs().size()) {
            used = activations.pairs();
        }
        List<ActivationPositions> positions = used.stream()
                .map(p -> PairEncoder.positionsOf(p.kind()))
                .distinct()
                .sorted()
                .toList();
        VectorProvenance provenance = new VectorProvenance(
                method,
                layer,
                positions,
                estimate.injectionPositions(),
                model.contentHash(),
                model.config().architecture(),
                activations.packId(),
                activations.packContentHash(),
                PairHashes.sha256(used),
                used.size(),
                estimate.heldOutAccuracy(),
                options.seed());
        return new SteeringVector(estimate.direction(), activations.layer(layer).meanResidualNorm(), provenance);
    }

    /** Collects the pack once and returns one vector per layer, in the order given. */
    public SteeringVectorSet extract(
            ConceptPack pack, SteeringMethod method, ExtractionOptions options, int... layers) {
        registry.get(method); // fail before the forward passes when the method is unknown
        ContrastiveActivations activations = collect(pack, options, layers);
        List<SteeringVector> vectors = new ArrayList<>();
        for (int layer : layers) {
            vectors.add(vector(activations, method, layer, options));
        }
        return new SteeringVectorSet(model.config().architecture(), vectors);
    }
}
