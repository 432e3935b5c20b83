package ai.steersynth.trainer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorSeedsTest {

    @Test
    void seedsDependOnlyOnTheSweepSeedAndTheirIndex() {
        List<Long> three = DetectorSeeds.derive(7, 3);
        assertThat(three).hasSize(3).doesNotHaveDuplicates();
        assertThat(DetectorSeeds.derive(7, 5)).startsWith(three.toArray(Long[]::new));
        assertThat(DetectorSeeds.derive(7, 3)).isEqualTo(three);
        assertThat(DetectorSeeds.derive(8, 3)).doesNotContainAnyElementsOf(three);
    }

    @Test
    void atLeastOneSeedIsNeeded() {
        assertThatThrownBy(() -> DetectorSeeds.derive(7, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
