package ai.steersynth.engine.steering.extract;

import ai.steersynth.contracts.sweep.SteeringMethod;
import java.util.List;

/**
 * Where a steering vector came from.
 *
 * @param method how it was computed; {@code null} for a vector imported from a control-vector file
 *     that carries no SteerSynth provenance
 * @param layer the 0-based block after which it was read and is added
 * @param readPositions where the residual was read (one entry per pair kind used)
 * @param injectionPositions for ACTADD, the number of first prompt positions it is injected at; 0
 *     when the steering configuration's position policy applies
 * @param modelContentHash the weights' content hash ({@code WeightSource.contentHash()})
 * @param modelHint the model family ({@code ModelConfig.architecture()}, e.g. {@code llama})
 * @param packId the concept pack, or {@code null}
 * @param packContentHash the pack's content hash, or {@code null}
 * @param dataHash sha256 of the pairs actually used ({@link PairHashes#sha256})
 * @param pairCount number of pairs used
 * @param probeHeldOutAccuracy LINEAR_PROBE's accuracy on held-out pairs; {@code null} otherwise
 * @param seed the extraction seed
 */
public record VectorProvenance(
        SteeringMethod method,
        int layer,
        List<ActivationPositions> readPositions,
        int injectionPositions,
        String modelContentHash,
        String modelHint,
        String packId,
        String packContentHash,
        String dataHash,
        int pairCount,
        Double probeHeldOutAccuracy,
        long seed) {

    public VectorProvenance {
        if (layer < 0) {
            throw new IllegalArgumentException("layer must be >= 0, was " + layer);
        }
        readPositions = readPositions == null ? List.of() : List.copyOf(readPositions);
        if (injectionPositions < 0) {
            throw new IllegalArgumentException("injectionPositions must be >= 0, was " + injectionPositions);
        }
    }

    /** A one-paragraph description for logs and the CLI. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("method=").append(method == null ? "unknown (imported)" : method);
        out.append(" layer=").append(layer);
        out.append(" readPositions=").append(readPositions);
        if (injectionPositions > 0) {
            out.append(" injectAtFirstPromptPositions=").append(injectionPositions);
        }
        out.append(" pairs=").append(pairCount);
        if (packId != null) {
            out.append(" pack=").append(packId);
        }
        if (packContentHash != null) {
            out.append(" packContentHash=").append(packContentHash);
        }
        out.append(" dataHash=").append(dataHash);
        out.append(" model=").append(modelHint).append(' ').append(modelContentHash);
        if (probeHeldOutAccuracy != null) {
            out.append(String.format(java.util.Locale.ROOT, " probeHeldOutAccuracy=%.4f", probeHeldOutAccuracy));
        }
        out.append(" seed=").append(seed);
        return out.toString();
    }
}
