package ai.steersynth.sweep.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.contracts.result.DetectorRun;
import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.contracts.sweep.StrengthMode;
import ai.steersynth.sweep.domain.ConfigFacts;
import ai.steersynth.sweep.domain.StageState;
import ai.steersynth.sweep.domain.SweepFacts;
import ai.steersynth.sweep.domain.SweepReport;
import ai.steersynth.sweep.domain.SweepReportBuilder;
import ai.steersynth.sweep.domain.SweepState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {

    private static final String HOSTILE = "</svg><script>alert(1)</script>&\"'";

    @Test
    void everyTextIsEscapedAndEachSectionHasItsPlots() throws Exception {
        String html = ReportHtml.render(report());

        assertThat(html).doesNotContain("<script>").doesNotContain("</svg><");
        assertThat(html).contains("&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;");
        // AUROC by config, HM vs AUROC, and one strength curve per method.
        assertThat(html.split("<svg ", -1)).hasSize(1 + 4);
        assertThat(html)
                .contains(
                        "6 of 8 steering configs beat prompting (1 more without an AUROC yet)",
                        "prompting 0.650",
                        "original 0.900");
        assertThat(html).contains("Not finished", "GENERATING");
        String out = System.getProperty("steersynth.report.html");
        if (out != null) {
            Files.writeString(Path.of(out), html); // for looking at the page in a browser
        }
    }

    @Test
    void aSweepWithoutResultsStillRendersEveryConfigAsUnfinished() {
        List<ConfigFacts> configs = List.of(new ConfigFacts(
                spec(0, ConfigKind.STEERED, SteeringMethod.PCA, 1.0),
                StageState.PENDING,
                StageState.PENDING,
                4,
                0,
                0,
                0,
                null,
                null,
                null,
                null,
                null));

        String html = ReportHtml.render(new SweepReportBuilder().build(facts(configs)));

        assertThat(html).contains("no detector run yet", "none yet", "GENERATING", "0 of 4 samples generated");
    }

    private static SweepReport report() {
        List<ConfigFacts> configs = new ArrayList<>();
        double[] strengths = {0.25, 0.5, 1, 2, 4};
        double[] success = {0.1, 0.3, 0.6, 0.85, 0.95};
        double[] coherence = {0.95, 0.9, 0.8, 0.5, 0.2};
        double[] diversity = {0.85, 0.8, 0.7, 0.45, 0.15};
        double[] auroc = {0.6, 0.68, 0.79, 0.74, 0.62};
        for (int i = 0; i < strengths.length; i++) {
            configs.add(done(
                    spec(i, ConfigKind.STEERED, SteeringMethod.MEAN_DIFFERENCE, strengths[i]),
                    success[i],
                    coherence[i],
                    diversity[i],
                    auroc[i]));
        }
        for (int i = 0; i < 3; i++) {
            configs.add(done(
                    spec(5 + i, ConfigKind.STEERED, SteeringMethod.PCA, strengths[i + 1]),
                    success[i + 1],
                    coherence[i],
                    diversity[i + 1],
                    auroc[i] + 0.1));
        }
        configs.add(new ConfigFacts(
                spec(8, ConfigKind.STEERED, SteeringMethod.LINEAR_PROBE, 1.0),
                StageState.PENDING,
                StageState.PENDING,
                4,
                1,
                0,
                0,
                null,
                null,
                null,
                null,
                null));
        configs.add(done(spec(9, ConfigKind.PROMPTING_BASELINE, null, null), 0.7, 0.9, 0.5, 0.65));
        configs.add(new ConfigFacts(
                spec(10, ConfigKind.ORIGINAL_DATA, null, null),
                StageState.NOT_APPLICABLE,
                StageState.DONE,
                0,
                0,
                0,
                0,
                null,
                null,
                null,
                run(0.9),
                null));
        return new SweepReportBuilder().build(facts(configs));
    }

    private static SweepFacts facts(List<ConfigFacts> configs) {
        return new SweepFacts(
                "sw1",
                HOSTILE,
                SweepState.RUNNING,
                "abc",
                "dev",
                List.of(SweepReport.ModelProvenance.ofSource("m", "/models/" + HOSTILE + ".gguf")),
                Map.of(),
                configs);
    }

    private static ConfigFacts done(ConfigSpec spec, double success, double coherence, double diversity, double auroc) {
        return new ConfigFacts(
                spec, StageState.DONE, StageState.DONE, 4, 4, 4, 0, success, coherence, diversity, run(auroc), null);
    }

    private static ConfigSpec spec(int ordinal, ConfigKind kind, SteeringMethod method, Double strength) {
        boolean steered = kind == ConfigKind.STEERED;
        return new ConfigSpec(
                "sw1-c%03d".formatted(ordinal),
                "sw1",
                kind,
                "toxicity",
                "m",
                method,
                steered ? 6 : null,
                strength,
                steered ? StrengthMode.RELATIVE : null,
                steered ? PositionPolicy.PROMPT_AND_GENERATION : null);
    }

    private static DetectorRun run(double auroc) {
        return new DetectorRun("embedding-logreg", 3, auroc, auroc - 0.04, auroc + 0.03, 0.01, 0.7, 0.7, Map.of());
    }
}
