package ai.steersynth.packs.split;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.contracts.pack.LabelledExample;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    @Test
    void aRepeatWithTheSameLabelIsDroppedAndTheFirstKept() {
        List<LabelledExample> examples = List.of(
                new LabelledExample(null, "a", 1),
                new LabelledExample(null, "b", 0),
                new LabelledExample(null, "a", 1));
        Deduplicator.Result result = Deduplicator.deduplicate(examples);
        assertThat(result.kept()).containsExactly(examples.get(0), examples.get(1));
        assertThat(result.keptIndices()).containsExactly(0, 1);
        assertThat(result.dropped()).containsExactly(new Deduplicator.Dropped(2, 0, false));
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.conflicting()).isZero();
    }

    @Test
    void copiesThatDisagreeOnTheLabelAreAllDropped() {
        List<LabelledExample> examples = List.of(
                new LabelledExample(null, "a", 1),
                new LabelledExample(null, "b", 0),
                new LabelledExample(null, "a", 0));
        Deduplicator.Result result = Deduplicator.deduplicate(examples);
        assertThat(result.kept()).containsExactly(examples.get(1));
        assertThat(result.conflicting()).isEqualTo(2);
        assertThat(result.dropped())
                .containsExactly(new Deduplicator.Dropped(0, 0, true), new Deduplicator.Dropped(2, 0, true));
    }

    @Test
    void comparisonIsCaseSensitiveAndIncludesThePrompt() {
        List<LabelledExample> examples = List.of(
                new LabelledExample(null, "Agree", 1),
                new LabelledExample(null, "agree", 1),
                new LabelledExample("q1", "Agree", 1),
                new LabelledExample("", "Agree", 1));
        Deduplicator.Result result = Deduplicator.deduplicate(examples);
        assertThat(result.kept()).containsExactly(examples.get(0), examples.get(1), examples.get(2));
        assertThat(result.dropped()).containsExactly(new Deduplicator.Dropped(3, 0, false));
    }
}
