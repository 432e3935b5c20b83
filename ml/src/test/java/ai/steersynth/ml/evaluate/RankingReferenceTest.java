package ai.steersynth.ml.evaluate;

import static ai.steersynth.ml.ReferenceFixture.doubles;
import static ai.steersynth.ml.ReferenceFixture.ints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.steersynth.ml.ReferenceFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RankingReferenceTest {

    static List<JsonNode> cases() {
        return ReferenceFixture.section("ranking");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void aurocMatchesScikitLearnsRocAucScore(JsonNode c) {
        double auroc = Auroc.of(doubles(c.get("scores")), ints(c.get("labels")));

        assertThat(auroc).as(c.get("name").asText()).isCloseTo(c.get("roc_auc").asDouble(), within(1e-12));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void averagePrecisionMatchesScikitLearn(JsonNode c) {
        double ap = AveragePrecision.of(doubles(c.get("scores")), ints(c.get("labels")));

        assertThat(ap)
                .as(c.get("name").asText())
                .isCloseTo(c.get("average_precision").asDouble(), within(1e-9));
    }
}
