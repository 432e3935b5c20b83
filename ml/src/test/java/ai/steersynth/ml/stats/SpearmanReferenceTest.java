package ai.steersynth.ml.stats;

import static ai.steersynth.ml.ReferenceFixture.doubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.steersynth.ml.ReferenceFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpearmanReferenceTest {

    static List<JsonNode> cases() {
        return ReferenceFixture.section("spearman");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void rhoMatchesScipySpearmanr(JsonNode c) {
        double rho = SpearmanCorrelation.of(doubles(c.get("x")), doubles(c.get("y")));

        assertThat(rho).as(c.get("name").asText()).isCloseTo(c.get("rho").asDouble(), within(1e-12));
    }
}
