package ai.steersynth.engine.steering.extract;

import ai.steersynth.contracts.pack.ContrastivePair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Collects the activations of contrastive pairs at several layers in one batched pass: each pair
 * becomes two sequences ({@link PairEncoder}), whose residuals the {@link ResidualReader} averages
 * over their read positions.
 */
public final class ActivationCollector {

    private final PairEncoder encoder;
    private final ResidualReader reader;

    public ActivationCollector(PairEncoder encoder, ResidualReader reader) {
        this.encoder = encoder;
        this.reader = reader;
    }

    /**
     * Collects {@code pairs} at {@code layers}.
     *
     * @param packId recorded with the activations, or {@code null}
     * @param packContentHash recorded with the activations, or {@code null}
     */
    public ContrastiveActivations collect(
            List<ContrastivePair> pairs, int[] layers, String packId, String packContentHash) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no contrastive pairs to collect");
        }
        List<EncodedText> sequences = new ArrayList<>();
        int[] readTokenCounts = new int[pairs.size()];
        TreeSet<ActivationPositions> positions = new TreeSet<>();
        for (int i = 0; i < pairs.size(); i++) {
            List<EncodedText> sides = encoder.encode(pairs.get(i));
            sequences.addAll(sides);
            readTokenCounts[i] = Math.max(sides.get(0).readCount(), sides.get(1).readCount());
            positions.add(PairEncoder.positionsOf(pairs.get(i).kind()));
        }
        List<ResidualReader.Reading> readings = reader.read(sequences, layers);

        Map<Integer, LayerActivations> byLayer = new HashMap<>();
        for (int layer : readings.get(0).meanByLayer().keySet()) {
            float[][] positive = new float[pairs.size()][];
            float[][] negative = new float[pairs.size()][];
            double normSum = 0;
            long positionCount = 0;
            for (int i = 0; i < pairs.size(); i++) {
                ResidualReader.Reading plus = readings.get(2 * i);
                ResidualReader.Reading minus = readings.get(2 * i + 1);
                positive[i] = plus.meanByLayer().get(layer);
                negative[i] = minus.meanByLayer().get(layer);
                // The mean norm over positions, every read position weighing the same.
                normSum += plus.meanNormByLayer().get(layer) * plus.positions()
                        + minus.meanNormByLayer().get(layer) * minus.positions();
                positionCount += plus.positions() + minus.positions();
            }
            byLayer.put(layer, new LayerActivations(layer, positive, negative, normSum / positionCount));
        }
        return new ContrastiveActivations(
                pairs, byLayer, readTokenCounts, List.copyOf(positions), packId, packContentHash);
    }
}
