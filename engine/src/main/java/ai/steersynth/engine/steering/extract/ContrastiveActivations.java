package ai.steersynth.engine.steering.extract;

import ai.steersynth.contracts.pack.ContrastivePair;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The activations of a set of contrastive pairs at one or more layers, collected in one pass, with
 * what is needed to describe where they came from.
 *
 * @param pairs the pairs, in row order
 * @param layers per 0-based layer, its activations
 * @param readTokenCounts per pair, the larger of the two sides' numbers of read positions (1 for
 *     A/B items, the completion's token count for TEXT pairs); ActAdd injects at that many positions
 * @param readPositions where the residual was read, one entry per pair kind present
 * @param packId the concept pack the pairs came from, or {@code null}
 * @param packContentHash that pack's content hash, or {@code null}
 */
public record ContrastiveActivations(
        List<ContrastivePair> pairs,
        Map<Integer, LayerActivations> layers,
        int[] readTokenCounts,
        List<ActivationPositions> readPositions,
        String packId,
        String packContentHash) {

    public ContrastiveActivations {
        pairs = List.copyOf(pairs);
        layers = Map.copyOf(new TreeMap<>(layers));
        readTokenCounts = readTokenCounts.clone();
        readPositions = List.copyOf(readPositions);
        if (readTokenCounts.length != pairs.size()) {
            throw new IllegalArgumentException(readTokenCounts.length + " token counts for " + pairs.size() + " pairs");
        }
        for (LayerActivations activations : layers.values()) {
            if (activations.pairCount() != pairs.size()) {
                throw new IllegalArgumentException("layer " + activations.layer() + " has " + activations.pairCount()
                        + " rows for " + pairs.size() + " pairs");
            }
        }
    }

    /** The activations at {@code layer}. */
    public LayerActivations layer(int layer) {
        LayerActivations activations = layers.get(layer);
        if (activations == null) {
            throw new IllegalArgumentException(
                    "layer " + layer + " was not collected; collected: " + new TreeMap<>(layers).keySet());
        }
        return activations;
    }

    @Override
    public int[] readTokenCounts() {
        return readTokenCounts.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContrastiveActivations that
                && pairs.equals(that.pairs)
                && layers.equals(that.layers)
                && Arrays.equals(readTokenCounts, that.readTokenCounts)
                && readPositions.equals(that.readPositions)
                && java.util.Objects.equals(packId, that.packId)
                && java.util.Objects.equals(packContentHash, that.packContentHash);
    }

    @Override
    public int hashCode() {
        return pairs.hashCode() * 31 + Arrays.hashCode(readTokenCounts);
    }

    @Override
    public String toString() {
        return "ContrastiveActivations[pairs=" + pairs.size() + ", layers=" + new TreeMap<>(layers).keySet()
                + ", readPositions=" + readPositions + ", packId=" + packId + "]";
    }
}
