package ai.steersynth.packs.split;

import ai.steersynth.contracts.pack.LabelledExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded downsampling of one split: class balancing, then a stratified cap; order is preserved. */
final class Downsampling {

    private Downsampling() {}

    static List<LabelledExample> limit(
            List<LabelledExample> examples, double maxMajorityRatio, int cap, Random random) {
        LabelCounts counts = LabelCounts.of(examples);
        int keepViolating = counts.violating();
        int keepNot = counts.notViolating();
        if (maxMajorityRatio != Double.POSITIVE_INFINITY && keepViolating > 0 && keepNot > 0) {
            keepViolating = (int) Math.min(keepViolating, Math.floor(maxMajorityRatio * counts.notViolating()));
            keepNot = (int) Math.min(keepNot, Math.floor(maxMajorityRatio * counts.violating()));
        }
        if (keepViolating + keepNot > cap) {
            // Proportional allocation with the remainder going to the larger fractional part.
            double exactViolating = (double) cap * keepViolating / (keepViolating + keepNot);
            int floorViolating = (int) Math.floor(exactViolating);
            int floorNot = (int) Math.floor((double) cap * keepNot / (keepViolating + keepNot));
            int left = cap - floorViolating - floorNot;
            if (left > 0 && exactViolating - floorViolating >= 0.5) {
                floorViolating++;
                left--;
            }
            keepViolating = floorViolating;
            keepNot = floorNot + left;
        }
        if (keepViolating == counts.violating() && keepNot == counts.notViolating()) {
            return examples;
        }
        boolean[] keep = new boolean[examples.size()];
        choose(examples, 1, keepViolating, keep, random);
        choose(examples, 0, keepNot, keep, random);
        List<LabelledExample> kept = new ArrayList<>(keepViolating + keepNot);
        for (int i = 0; i < examples.size(); i++) {
            if (keep[i]) {
                kept.add(examples.get(i));
            }
        }
        return kept;
    }

    private static void choose(List<LabelledExample> examples, int label, int count, boolean[] keep, Random random) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (examples.get(i).label() == label) {
                indices.add(i);
            }
        }
        Collections.shuffle(indices, random);
        for (int i = 0; i < count; i++) {
            keep[indices.get(i)] = true;
        }
    }
}
