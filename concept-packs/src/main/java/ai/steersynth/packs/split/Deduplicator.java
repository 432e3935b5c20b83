package ai.steersynth.packs.split;

import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.ExampleKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds repeated examples (same {@link ExampleKey}: exact text and prompt, compared after
 * normalisation). A repeat with the same label is dropped, keeping the first; when copies disagree
 * on the label every copy is dropped, because no label can be trusted. Nothing is dropped silently:
 * the result lists every dropped index and why.
 */
public final class Deduplicator {

    private Deduplicator() {}

    /**
     * One dropped example.
     *
     * @param index its index in the input
     * @param firstIndex index of the first example with the same key
     * @param conflictingLabel whether the copies disagree on the label
     */
    public record Dropped(int index, int firstIndex, boolean conflictingLabel) {}

    /**
     * The outcome.
     *
     * @param kept the examples kept, in input order
     * @param keptIndices their indices in the input
     * @param dropped every dropped example, in input order
     */
    public record Result(List<LabelledExample> kept, List<Integer> keptIndices, List<Dropped> dropped) {

        /** Copies dropped because an earlier example had the same key and label. */
        public int duplicates() {
            return (int) dropped.stream().filter(d -> !d.conflictingLabel()).count();
        }

        /** Examples dropped because copies disagreed on the label (all copies count). */
        public int conflicting() {
            return (int) dropped.stream().filter(Dropped::conflictingLabel).count();
        }
    }

    public static Result deduplicate(List<LabelledExample> examples) {
        Map<ExampleKey, Integer> first = new HashMap<>();
        Set<ExampleKey> conflicted = new HashSet<>();
        for (int i = 0; i < examples.size(); i++) {
            ExampleKey key = ExampleKey.of(examples.get(i));
            Integer earlier = first.putIfAbsent(key, i);
            if (earlier != null
                    && examples.get(earlier).label() != examples.get(i).label()) {
                conflicted.add(key);
            }
        }
        List<LabelledExample> kept = new ArrayList<>();
        List<Integer> keptIndices = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            ExampleKey key = ExampleKey.of(examples.get(i));
            int firstIndex = first.get(key);
            if (conflicted.contains(key)) {
                dropped.add(new Dropped(i, firstIndex, true));
            } else if (firstIndex != i) {
                dropped.add(new Dropped(i, firstIndex, false));
            } else {
                kept.add(examples.get(i));
                keptIndices.add(i);
            }
        }
        return new Result(List.copyOf(kept), List.copyOf(keptIndices), List.copyOf(dropped));
    }
}
