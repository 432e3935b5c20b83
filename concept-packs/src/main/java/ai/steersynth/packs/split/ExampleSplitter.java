package ai.steersynth.packs.split;

import ai.steersynth.contracts.pack.DetectorData;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.ExampleKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits labelled examples into train, judge and test: seeded, stratified by label, and by group.
 *
 * <p>Examples are grouped by {@link ExampleKey#groupOf} (same prompt, or same text when there is no
 * prompt), so equal texts and answers to one question always land in the same split. Groups are
 * stratified by their label signature ({@code "1"}, {@code "0"}, {@code "01"} for a question with
 * one answer of each label) and each stratum is cut by the plan's fractions. The result depends only
 * on the set of examples and the plan, not on the input order: groups are sorted before the seeded
 * shuffle. Then, per split, optional class balancing and caps downsample (seeded, stratified).
 */
public final class ExampleSplitter {

    private ExampleSplitter() {}

    /** Splits without pinned prompts. */
    public static SplitOutcome split(Collection<LabelledExample> pool, SplitPlan plan) {
        return split(pool, plan, Set.of());
    }

    /**
     * Splits the pool.
     *
     * @param pinnedToTrain prompts whose groups always go to train: a pack's generation prompts, so
     *     that no judge or test example answers a prompt the steered samples were generated from
     */
    public static SplitOutcome split(Collection<LabelledExample> pool, SplitPlan plan, Set<String> pinnedToTrain) {
        Random random = new Random(plan.seed());
        List<List<LabelledExample>> train = new ArrayList<>();
        List<List<LabelledExample>> judge = new ArrayList<>();
        List<List<LabelledExample>> test = new ArrayList<>();
        for (List<List<LabelledExample>> stratum : strata(pool).values()) {
            Collections.shuffle(stratum, random);
            List<List<LabelledExample>> free = new ArrayList<>();
            for (List<LabelledExample> group : stratum) {
                String prompt = group.get(0).prompt();
                (prompt != null && pinnedToTrain.contains(prompt) ? train : free).add(group);
            }
            int n = stratum.size();
            int testCount = Math.min((int) Math.round(n * plan.testFraction()), free.size());
            int judgeCount = Math.min((int) Math.round(n * plan.judgeFraction()), free.size() - testCount);
            test.addAll(free.subList(0, testCount));
            judge.addAll(free.subList(testCount, testCount + judgeCount));
            train.addAll(free.subList(testCount + judgeCount, free.size()));
        }
        List<LabelledExample> trainExamples = flattenShuffled(train, random);
        List<LabelledExample> judgeExamples = flattenShuffled(judge, random);
        List<LabelledExample> testExamples = flattenShuffled(test, random);
        SplitCounts assigned = new SplitCounts(
                LabelCounts.of(trainExamples), LabelCounts.of(judgeExamples), LabelCounts.of(testExamples));
        DetectorData data = new DetectorData(
                Downsampling.limit(trainExamples, plan.maxMajorityRatio(), plan.maxTrain(), random),
                Downsampling.limit(judgeExamples, plan.maxMajorityRatio(), plan.maxJudge(), random),
                Downsampling.limit(testExamples, plan.maxMajorityRatio(), plan.maxTest(), random));
        return new SplitOutcome(data, assigned, SplitCounts.of(data));
    }

    /** Groups by group key, then buckets the groups (sorted by key) by label signature. */
    private static Map<String, List<List<LabelledExample>>> strata(Collection<LabelledExample> pool) {
        Map<String, List<LabelledExample>> groups = new TreeMap<>();
        for (LabelledExample example : pool) {
            groups.computeIfAbsent(ExampleKey.groupOf(example), k -> new ArrayList<>())
                    .add(example);
        }
        Map<String, List<List<LabelledExample>>> strata = new TreeMap<>();
        for (List<LabelledExample> group : groups.values()) {
            // Order inside a group must not depend on input order either.
            group.sort(ExampleSplitter::compare);
            strata.computeIfAbsent(signature(group), k -> new ArrayList<>()).add(group);
        }
        return strata;
    }

    private static int compare(LabelledExample a, LabelledExample b) {
        int byText = a.text().compareTo(b.text());
        return byText != 0 ? byText : Integer.compare(a.label(), b.label());
    }

    private static String signature(List<LabelledExample> group) {
        StringBuilder labels = new StringBuilder();
        group.stream().map(LabelledExample::label).sorted().forEach(labels::append);
        return labels.toString();
    }

    private static List<LabelledExample> flattenShuffled(List<List<LabelledExample>> groups, Random random) {
        // Strata were appended one after another; shuffling the groups mixes the labels again.
        Collections.shuffle(groups, random);
        List<LabelledExample> flat = new ArrayList<>();
        groups.forEach(flat::addAll);
        return flat;
    }
}
