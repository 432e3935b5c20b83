package ai.steersynth.trainer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void summarisesWithTheSampleStandardDeviation() {
        Spread spread = Spread.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});

        assertThat(spread.mean()).isEqualTo(5.0);
        assertThat(spread.standardDeviation()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-15));
        assertThat(spread.min()).isEqualTo(2.0);
        assertThat(spread.max()).isEqualTo(9.0);
        assertThat(spread.count()).isEqualTo(8);
    }

    @Test
    void oneValueHasNoSpread() {
        assertThat(Spread.of(new double[] {0.7}).standardDeviation()).isZero();
        assertThatThrownBy(() -> Spread.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
