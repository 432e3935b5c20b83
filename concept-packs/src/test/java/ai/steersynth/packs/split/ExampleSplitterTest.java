package ai.steersynth.packs.split;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.contracts.pack.DetectorData;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.ExampleKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExampleSplitterTest {

    /** 300 violating and 100 non-violating examples without prompts. */
    private static List<LabelledExample> pool() {
        List<LabelledExample> pool = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            pool.add(new LabelledExample(null, "toxic " + i, 1));
        }
        for (int i = 0; i < 100; i++) {
            pool.add(new LabelledExample(null, "calm " + i, 0));
        }
        return pool;
    }

    private static List<LabelledExample> all(DetectorData data) {
        return Stream.of(data.train(), data.judge(), data.test())
                .flatMap(List::stream)
                .toList();
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        SplitOutcome first = ExampleSplitter.split(pool(), SplitPlan.DEFAULT);
        SplitOutcome second = ExampleSplitter.split(pool(), SplitPlan.DEFAULT);
        assertThat(second.data()).isEqualTo(first.data());
    }

    @Test
    void anotherSeedGivesAnotherSplit() {
        SplitOutcome first = ExampleSplitter.split(pool(), SplitPlan.DEFAULT);
        SplitOutcome other = ExampleSplitter.split(pool(), SplitPlan.DEFAULT.withSeed(7));
        assertThat(other.data().test()).isNotEqualTo(first.data().test());
    }

    @Test
    void theSplitDoesNotDependOnTheInputOrder() {
        List<LabelledExample> shuffled = new ArrayList<>(pool());
        Collections.shuffle(shuffled, new Random(99));
        assertThat(ExampleSplitter.split(shuffled, SplitPlan.DEFAULT).data())
                .isEqualTo(ExampleSplitter.split(pool(), SplitPlan.DEFAULT).data());
    }

    @Test
    void eachLabelIsSplitSixtyTwentyTwenty() {
        SplitOutcome outcome = ExampleSplitter.split(pool(), SplitPlan.DEFAULT);
        assertThat(outcome.kept().train()).isEqualTo(new LabelCounts(180, 60));
        assertThat(outcome.kept().judge()).isEqualTo(new LabelCounts(60, 20));
        assertThat(outcome.kept().test()).isEqualTo(new LabelCounts(60, 20));
    }

    @Test
    void countsAddUpToThePoolAndNoExampleIsLostOrRepeated() {
        SplitOutcome outcome = ExampleSplitter.split(pool(), SplitPlan.DEFAULT);
        assertThat(outcome.assigned().total()).isEqualTo(LabelCounts.of(pool()));
        assertThat(all(outcome.data())).containsExactlyInAnyOrderElementsOf(pool());
    }

    @Test
    void labelsAreMixedWithinASplit() {
        List<LabelledExample> train =
                ExampleSplitter.split(pool(), SplitPlan.DEFAULT).data().train();
        assertThat(train.subList(0, 40)).extracting(LabelledExample::label).contains(0, 1);
    }

    @Test
    void repeatedTextsAndAnswersToOneQuestionStayInOneSplit() {
        List<LabelledExample> pool = new ArrayList<>(pool());
        pool.add(new LabelledExample(null, "toxic 5", 1));
        for (int q = 0; q < 50; q++) {
            pool.add(new LabelledExample("question " + q, "yes", 1));
            pool.add(new LabelledExample("question " + q, "no", 0));
        }
        DetectorData data = ExampleSplitter.split(pool, SplitPlan.DEFAULT).data();
        Map<String, String> splitOfGroup = new HashMap<>();
        String[] names = {"train", "judge", "test"};
        List<List<LabelledExample>> splits = List.of(data.train(), data.judge(), data.test());
        for (int s = 0; s < 3; s++) {
            for (LabelledExample e : splits.get(s)) {
                String earlier = splitOfGroup.putIfAbsent(ExampleKey.groupOf(e), names[s]);
                assertThat(earlier == null || earlier.equals(names[s]))
                        .as("group of %s is in %s and %s", e, earlier, names[s])
                        .isTrue();
            }
        }
        assertThat(all(data)).hasSize(pool.size());
    }

    @Test
    void pinnedPromptsGoToTrain() {
        List<LabelledExample> pool = new ArrayList<>();
        for (int q = 0; q < 40; q++) {
            pool.add(new LabelledExample("question " + q, "yes", 1));
            pool.add(new LabelledExample("question " + q, "no", 0));
        }
        Set<String> pinned = Set.of("question 1", "question 2", "question 3");
        DetectorData data =
                ExampleSplitter.split(pool, SplitPlan.DEFAULT, pinned).data();
        assertThat(Stream.concat(data.judge().stream(), data.test().stream()))
                .extracting(LabelledExample::prompt)
                .doesNotContainAnyElementsOf(pinned);
        assertThat(data.train()).extracting(LabelledExample::prompt).containsAll(pinned);
        assertThat(data.test()).hasSize(16);
    }

    @Test
    void balancingLimitsTheMajorityClassInEverySplit() {
        SplitOutcome outcome = ExampleSplitter.split(pool(), SplitPlan.DEFAULT.withBalancing(1.5));
        assertThat(outcome.kept().train()).isEqualTo(new LabelCounts(90, 60));
        assertThat(outcome.kept().test()).isEqualTo(new LabelCounts(30, 20));
        assertThat(outcome.assigned().train()).isEqualTo(new LabelCounts(180, 60));
    }

    @Test
    void capsDownsampleEachSplitKeepingTheLabelProportions() {
        SplitOutcome outcome = ExampleSplitter.split(pool(), SplitPlan.DEFAULT.withCaps(100, 10, 41));
        assertThat(outcome.kept().train()).isEqualTo(new LabelCounts(75, 25));
        assertThat(outcome.kept().judge()).isEqualTo(new LabelCounts(8, 2));
        assertThat(outcome.kept().test().total()).isEqualTo(41);
        assertThat(outcome.data().train())
                .isSubsetOf(
                        ExampleSplitter.split(pool(), SplitPlan.DEFAULT).data().train());
    }
}
