package ai.steersynth.cli.steer;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.engine.steering.extract.ExtractionOptions;
import ai.steersynth.engine.steering.extract.SteeringVector;
import ai.steersynth.engine.steering.extract.SteeringVectorExtractor;
import ai.steersynth.engine.steering.extract.SteeringVectorSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code steersynth vector}: extracts steering vectors from a concept pack and writes them as JSON or GGUF. */
@Command(
        name = "vector",
        mixinStandardHelpOptions = true,
        description = {
            "Extracts a steering vector per layer from a concept pack's contrastive pairs and writes the set to"
                    + " --out: JSON, or a llama.cpp control vector when the name ends in .gguf.",
            "Prints each vector's provenance, and the probe's held-out accuracy for LINEAR_PROBE."
        })
public final class VectorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A .gguf file or a Hugging Face model directory.")
    Path model;

    @Option(
            names = "--pack",
            required = true,
            description = "A pack JSON file, or a default pack: toxicity, harmful-requests, sycophancy, hallucination.")
    String pack;

    @Option(names = "--method", required = true, description = "MEAN_DIFFERENCE, PCA, LINEAR_PROBE or ACTADD.")
    SteeringMethod method;

    @Option(
            names = "--layer",
            required = true,
            split = ",",
            description = "0-based block(s) after which the residual is read; repeat or separate with commas.")
    int[] layers;

    @Option(names = "--out", required = true, description = "Output file: .json or .gguf.")
    Path out;

    @Option(
            names = "--max-pairs",
            defaultValue = "256",
            description = "Use at most this many pairs, a seeded sample; 0 uses all (${DEFAULT-VALUE}).")
    int maxPairs;

    @Option(names = "--seed", defaultValue = "42", description = "Seeds the pair sample and the probe splits.")
    long seed;

    @Option(names = "--actadd-pair", defaultValue = "0", description = "ACTADD: the index of the pair to use.")
    int actAddPair;

    @Option(names = "--batch-size", defaultValue = "16", description = "Sequences per forward pass.")
    int batchSize;

    @Option(
            names = "--gguf-strength",
            defaultValue = "1",
            description = "GGUF only: directions are stored scaled to this many mean residual norms, so llama.cpp's"
                    + " scale s is relative strength s times this (${DEFAULT-VALUE}).")
    double ggufStrength;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, cuda, cuda:N or auto (${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() {
        PrintWriter output = spec.commandLine().getOut();
        ConceptPack conceptPack;
        try {
            conceptPack = PackSource.load(pack);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("Cannot load the pack: " + e.getMessage());
            return 1;
        }
        ExtractionOptions options = ExtractionOptions.defaults()
                .withSeed(seed)
                .withMaxPairs(maxPairs)
                .withActAddPairIndex(actAddPair)
                .withBatchSize(batchSize);
        try (SteeringModel loaded = SteeringModel.open(model, device)) {
            SteeringVectorExtractor extractor = SteeringVectorExtractor.of(loaded.files(), loaded.model());
            SteeringVectorSet set = extractor.extract(conceptPack, method, options, layers);
            VectorFiles.write(set, out, ggufStrength);
            for (SteeringVector vector : set.vectors()) {
                output.printf(
                        Locale.ROOT,
                        "layer %d: mean residual norm %.4f%n  %s%n",
                        vector.layer(),
                        vector.meanResidualNorm(),
                        vector.provenance().describe());
                if (vector.provenance().probeHeldOutAccuracy() != null) {
                    output.printf(
                            Locale.ROOT,
                            "  held-out probe accuracy %.4f%n",
                            vector.provenance().probeHeldOutAccuracy());
                }
            }
            output.printf("wrote %d vector(s) to %s%n", set.vectors().size(), out);
            output.flush();
            return 0;
        }
    }
}
