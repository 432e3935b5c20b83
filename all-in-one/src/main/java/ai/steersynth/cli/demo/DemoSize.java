package ai.steersynth.cli.demo;

import java.util.List;
import java.util.Map;

/**
 * The demo's grids. All four default concepts each time; they differ in methods, layers, strengths
 * and samples. Layers are for the default model's 30 blocks (the middle third is where concept
 * directions separate best in small models).
 */
enum DemoSize {
    /** Two methods, one layer, two strengths, a few short samples: minutes on a laptop. */
    SMOKE(List.of("MEAN_DIFFERENCE", "PCA"), List.of(15), List.of(0.5, 1.0), 8, 24, 1, 32, 16),
    /** All four methods, two layers, three strengths. */
    DEFAULT(
            List.of("MEAN_DIFFERENCE", "PCA", "LINEAR_PROBE", "ACTADD"),
            List.of(12, 18),
            List.of(0.25, 0.5, 1.0),
            16,
            32,
            2,
            64,
            16),
    /**
     * The paper-sized grid: 4 concepts x 4 methods x 3 layers x 3 strengths = 144 steering configs plus baselines,
     * 32 samples of at most 32 tokens each (twice the default's samples: the detector budget is the sample count).
     */
    FULL(
            List.of("MEAN_DIFFERENCE", "PCA", "LINEAR_PROBE", "ACTADD"),
            List.of(9, 15, 21),
            List.of(0.25, 0.5, 1.0),
            32,
            32,
            3,
            128,
            32);

    static final List<String> CONCEPTS = List.of("toxicity", "harmful-requests", "sycophancy", "hallucination");

    private final List<String> methods;
    private final List<Integer> layers;
    private final List<Double> strengths;
    private final int samplesPerConfig;
    private final int maxNewTokens;
    private final int detectorSeeds;
    private final int vectorPairs;
    private final int generatorBatchSize;

    DemoSize(
            List<String> methods,
            List<Integer> layers,
            List<Double> strengths,
            int samplesPerConfig,
            int maxNewTokens,
            int detectorSeeds,
            int vectorPairs,
            int generatorBatchSize) {
        this.methods = methods;
        this.layers = layers;
        this.strengths = strengths;
        this.samplesPerConfig = samplesPerConfig;
        this.maxNewTokens = maxNewTokens;
        this.detectorSeeds = detectorSeeds;
        this.vectorPairs = vectorPairs;
        this.generatorBatchSize = generatorBatchSize;
    }

    /**
     * Contrastive pairs read per steering vector. Extraction reads every pair through the model, so it bounds the
     * smoke run; more pairs give steadier directions for the larger grids.
     */
    int vectorPairs() {
        return vectorPairs;
    }

    /**
     * Rows per generation batch. Larger batches cost less CPU per token on the default model (batch 8: 29 ms,
     * batch 32: 11 ms per token in docs/performance.md), but each takes longer before its samples reach the judge;
     * the full grid has enough work queued to keep every stage busy either way.
     */
    int generatorBatchSize() {
        return generatorBatchSize;
    }

    /** The sweep request body for this size. */
    Map<String, Object> sweepRequest(String modelId, long seed) {
        return Map.of(
                "name", "demo-" + name().toLowerCase(java.util.Locale.ROOT),
                "concepts", CONCEPTS,
                "models", List.of(modelId),
                "methods", methods,
                "layers", layers,
                "strengths", strengths,
                "samplesPerConfig", samplesPerConfig,
                "seed", seed,
                "decoding", Map.of("maxNewTokens", maxNewTokens, "temperature", 0.7, "topP", 0.9),
                "detector", Map.of("seeds", detectorSeeds));
    }
}
