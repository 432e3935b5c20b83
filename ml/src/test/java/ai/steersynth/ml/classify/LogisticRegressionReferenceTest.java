package ai.steersynth.ml.classify;

import static ai.steersynth.ml.ReferenceFixture.doubles;
import static ai.steersynth.ml.ReferenceFixture.ints;
import static ai.steersynth.ml.ReferenceFixture.matrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.steersynth.ml.ReferenceFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogisticRegressionReferenceTest {

    static Stream<Arguments> cases() {
        List<JsonNode> cases = ReferenceFixture.section("logistic");
        return Stream.of(Solver.NEWTON, Solver.LBFGS)
                .flatMap(s -> cases.stream().map(c -> Arguments.of(s, c)));
    }

    @ParameterizedTest(name = "{0} {index}")
    @MethodSource("cases")
    void coefficientsMatchScikitLearn(Solver solver, JsonNode c) {
        LogisticRegressionOptions options = LogisticRegressionOptions.defaults()
                .withC(c.get("C").asDouble())
                .withStandardise(c.get("standardise").asBoolean())
                .withSolver(solver);
        double[][] x = matrix(c.get("features"));

        LogisticRegression model = LogisticRegression.fit(x, ints(c.get("labels")), options);

        String name = c.get("name").asText();
        double[] expected = doubles(c.get("coef"));
        double scale = Math.max(1, Math.abs(c.get("intercept").asDouble()));
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertThat(model.diagnostics().converged()).as(name).isTrue();
        assertThat(model.weights()).as(name).containsExactly(expected, within(1e-6 * scale));
        assertThat(model.bias()).as(name).isCloseTo(c.get("intercept").asDouble(), within(1e-6 * scale));
        assertThat(model.predictProbabilities(x))
                .as(name)
                .containsExactly(doubles(c.get("probabilities")), within(1e-7));
    }
}
