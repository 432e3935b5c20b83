package ai.steersynth.ml.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.ml.classify.LogisticRegressionTest.Data;
import ai.steersynth.ml.classify.ValidatedLogisticRegression.Candidate;
import ai.steersynth.ml.classify.ValidatedLogisticRegression.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatedLogisticRegressionTest {

    private final ValidatedLogisticRegression search = ValidatedLogisticRegression.defaults();

    @Test
    void picksTheCandidateWithTheBestValidationAurocAndRefitsOnEverything() {
        Data data = LogisticRegressionTest.data(160, new double[] {1.2, -0.8, 0, 0, 0, 0}, 0, 21);

        Result result = search.fit(data.x(), data.y(), 5);

        assertThat(result.candidates()).extracting(Candidate::c).containsExactlyElementsOf(search.cGrid());
        double bestAuroc = result.candidates().stream()
                .mapToDouble(Candidate::validationAuroc)
                .max()
                .orElseThrow();
        Candidate chosen = result.candidates().stream()
                .filter(c -> c.c() == result.chosenC())
                .findFirst()
                .orElseThrow();
        assertThat(chosen.validationAuroc()).isEqualTo(bestAuroc);
        LogisticRegression refit =
                LogisticRegression.fit(data.x(), data.y(), search.baseOptions().withC(result.chosenC()));
        assertThat(result.model().weights()).containsExactly(refit.weights());
        assertThat(result.fitSize() + result.validationSize()).isEqualTo(160);
    }

    @Test
    void aurocTiesGoToTheLowerLogLossThenTheSmallerC() {
        Candidate a = new Candidate(1.0, 0.9, 0.30);
        Candidate b = new Candidate(10.0, 0.9, 0.20);
        Candidate c = new Candidate(0.1, 0.9, 0.20);
        Candidate d = new Candidate(100.0, 0.95, 0.90);

        List<Candidate> ranked = java.util.stream.Stream.of(a, b, c, d)
                .sorted((x, y) -> x.isBetterThan(y) ? -1 : y.isBetterThan(x) ? 1 : 0)
                .toList();

        assertThat(ranked).containsExactly(d, c, b, a);
    }

    @Test
    void theSameSeedChoosesTheSameAndTheHoldOutIsStratified() {
        Data data = LogisticRegressionTest.data(101, new double[] {0.5, 0.5}, 0, 22);

        Result first = search.fit(data.x(), data.y(), 9);
        Result second = search.fit(data.x(), data.y(), 9);
        boolean[] held = ValidatedLogisticRegression.stratifiedHoldOut(data.y(), 0.25, 9);

        assertThat(second.chosenC()).isEqualTo(first.chosenC());
        assertThat(second.candidates()).isEqualTo(first.candidates());
        for (int label = 0; label <= 1; label++) {
            int members = 0;
            int heldOut = 0;
            for (int i = 0; i < held.length; i++) {
                if (data.y()[i] == label) {
                    members++;
                    heldOut += held[i] ? 1 : 0;
                }
            }
            assertThat(heldOut).isEqualTo(Math.round(0.25 * members));
        }
    }

    @Test
    void aClassTooSmallToValidateIsAClearError() {
        double[][] x = {{0}, {1}, {2}, {3}};
        int[] y = {0, 0, 0, 1};

        assertThatThrownBy(() -> search.fit(x, y, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("class 1 has 1 examples");
    }

    @Test
    void theGridIsValidated() {
        LogisticRegressionOptions base = LogisticRegressionOptions.defaults();
        assertThatThrownBy(() -> new ValidatedLogisticRegression(List.of(), 0.2, base))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValidatedLogisticRegression(List.of(1.0, -1.0), 0.2, base))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValidatedLogisticRegression(List.of(1.0), 1.0, base))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
