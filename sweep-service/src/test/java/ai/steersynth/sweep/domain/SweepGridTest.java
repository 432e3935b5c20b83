package ai.steersynth.sweep.domain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.contracts.sweep.StrengthMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepGridTest {

    private final SweepGrid grid = new SweepGrid(
            List.of("toxicity", "sycophancy"),
            List.of("smol"),
            List.of(SteeringMethod.MEAN_DIFFERENCE, SteeringMethod.PCA),
            List.of(6, 12),
            List.of(0.5, 1.0, 2.0),
            StrengthMode.RELATIVE,
            PositionPolicy.PROMPT_AND_GENERATION);

    @Test
    void expandsTheFullGridPlusABaselineAndAReferencePerConceptAndModel() {
        List<ConfigSpec> configs = grid.expand("sw1");

        assertThat(configs).hasSize((int) grid.configCount()).hasSize(2 * (2 * 2 * 3 + 2));
        assertThat(configs.stream().filter(c -> c.kind() == ConfigKind.STEERED)).hasSize(24);
        assertThat(configs.stream().filter(c -> c.kind() == ConfigKind.PROMPTING_BASELINE))
                .extracting(ConfigSpec::conceptId)
                .containsExactly("toxicity", "sycophancy");
        assertThat(configs.stream().filter(c -> c.kind() == ConfigKind.ORIGINAL_DATA))
                .hasSize(2);
    }

    @Test
    void configIdsAreUniqueAndEncodeTheirOrdinal() {
        List<ConfigSpec> configs = grid.expand("sw1");

        assertThat(configs).extracting(ConfigSpec::configId).doesNotHaveDuplicates();
        for (int i = 0; i < configs.size(); i++) {
            assertThat(SweepGrid.ordinalOf(configs.get(i).configId())).isEqualTo(i);
        }
    }

    @Test
    void steeredConfigsCarryTheirGridPoint() {
        ConfigSpec first = grid.expand("sw1").get(0);

        assertThat(first.method()).isEqualTo(SteeringMethod.MEAN_DIFFERENCE);
        assertThat(first.layer()).isEqualTo(6);
        assertThat(first.strength()).isEqualTo(0.5);
        assertThat(first.label()).isEqualTo("toxicity/MEAN_DIFFERENCE/L6/x0.5");
    }
}
