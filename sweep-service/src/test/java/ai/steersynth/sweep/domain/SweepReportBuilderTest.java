package ai.steersynth.sweep.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.steersynth.contracts.result.DetectorRun;
import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.ConfigSpec;
import ai.steersynth.contracts.sweep.PositionPolicy;
import ai.steersynth.contracts.sweep.SteeringMethod;
import ai.steersynth.contracts.sweep.StrengthMode;
import ai.steersynth.sweep.domain.SweepReport.ConfigEntry;
import ai.steersynth.sweep.domain.SweepReport.Correlation;
import ai.steersynth.sweep.domain.SweepReport.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepReportBuilderTest {

    private static final SweepReportBuilder BUILDER = new SweepReportBuilder();

    /**
     * Four finished steered configs (coherence 0.9 throughout), one steered config still training,
     * the prompting baseline (AUROC 0.74) and the original data (AUROC 0.90).
     *
     * <pre>
     *   strength  success  diversity  HM       AUROC
     *   0.5       0.2      0.9        0.41538  0.60
     *   1         0.4      0.7        0.59528  0.75
     *   2         0.6      0.5        0.62791  0.72
     *   4         0.8      0.3        0.52683  0.80
     * </pre>
     *
     * Ranks against AUROC (1, 3, 2, 4): success 1, 2, 3, 4 gives sum d^2 = 2, rho = 1 - 6 * 2 / (4 * 15) = 0.8;
     * diversity 4, 3, 2, 1 gives sum d^2 = 18, rho = -0.8; HM 1, 3, 4, 2 gives sum d^2 = 8, rho = 0.2.
     */
    private static List<ConfigFacts> grid() {
        List<ConfigFacts> configs = new ArrayList<>();
        configs.add(steered(0, SteeringMethod.MEAN_DIFFERENCE, 0.5, 0.2, 0.9, 0.9, 0.60));
        configs.add(steered(1, SteeringMethod.MEAN_DIFFERENCE, 1.0, 0.4, 0.9, 0.7, 0.75));
        configs.add(steered(2, SteeringMethod.MEAN_DIFFERENCE, 4.0, 0.8, 0.9, 0.3, 0.80));
        configs.add(steered(3, SteeringMethod.MEAN_DIFFERENCE, 2.0, 0.6, 0.9, 0.5, 0.72));
        configs.add(steered(4, SteeringMethod.PCA, 1.0, 0.5, 0.9, 0.5, null));
        configs.add(baseline(5, 0.5, 0.8, 0.6, 0.74));
        configs.add(original(6, 0.90));
        return configs;
    }

    @Test
    void countsTheSteeringConfigsWhoseAurocIsAbovePromptingOutOfThoseWithAnAuroc() {
        Section section = single(BUILDER.build(sweep(grid())));

        assertThat(section.beatPrompting().count()).isEqualTo(2);
        assertThat(section.beatPrompting().of()).isEqualTo(4);
        assertThat(section.beatPrompting().steeredConfigs()).isEqualTo(5);
        assertThat(section.beatPrompting().promptingAuroc()).isEqualTo(0.74);
        assertThat(section.beatPrompting().originalAuroc()).isEqualTo(0.90);
        assertThat(section.beatPrompting().headline())
                .isEqualTo("2 of 4 steering configs beat prompting (1 more without an AUROC yet)");
    }

    @Test
    void aConfigThatTiesPromptingDoesNotBeatIt() {
        List<ConfigFacts> configs = List.of(
                steered(0, SteeringMethod.PCA, 1.0, 0.5, 0.5, 0.5, 0.74),
                steered(1, SteeringMethod.PCA, 2.0, 0.5, 0.5, 0.5, 0.7400001),
                baseline(2, 0.5, 0.5, 0.5, 0.74));

        Section section = single(BUILDER.build(sweep(configs)));

        assertThat(section.beatPrompting().count()).isEqualTo(1);
        assertThat(section.beatPrompting().headline()).isEqualTo("1 of 2 steering configs beat prompting");
    }

    @Test
    void spearmanCorrelationsMatchTheHandComputedRanks() {
        Section section = single(BUILDER.build(sweep(grid())));

        assertThat(rho(section, "success")).isCloseTo(0.8, within(1e-12));
        assertThat(rho(section, "successTimesCoherence")).isCloseTo(0.8, within(1e-12));
        assertThat(rho(section, "diversity")).isCloseTo(-0.8, within(1e-12));
        assertThat(rho(section, "hm")).isCloseTo(0.2, within(1e-12));
        Correlation hm = correlation(section, "hm");
        assertThat(hm.n()).isEqualTo(4);
        assertThat(hm.resamples()).isEqualTo(SweepReportBuilder.BOOTSTRAP_RESAMPLES);
        assertThat(hm.validResamples()).isPositive().isLessThanOrEqualTo(hm.resamples());
        assertThat(hm.ciLow()).isBetween(-1.0, hm.ciHigh());
        assertThat(hm.ciHigh()).isLessThanOrEqualTo(1.0);
        assertThat(hm.reason()).isNull();
    }

    @Test
    void aConstantAxisHasNoCorrelationAndSaysWhy() {
        Correlation coherence = correlation(single(BUILDER.build(sweep(grid()))), "coherence");

        assertThat(coherence.rho()).isNull();
        assertThat(coherence.ciLow()).isNull();
        assertThat(coherence.reason()).contains("coherence is the same for every config");
    }

    @Test
    void fewerThanThreeConfigsGiveNoCorrelationWithAReason() {
        List<ConfigFacts> configs = List.of(
                steered(0, SteeringMethod.PCA, 1.0, 0.2, 0.5, 0.5, 0.6),
                steered(1, SteeringMethod.PCA, 2.0, 0.6, 0.5, 0.7, 0.8),
                baseline(2, 0.5, 0.5, 0.5, 0.7));

        Section section = single(BUILDER.build(sweep(configs)));

        assertThat(section.correlations()).hasSize(5).allSatisfy(c -> {
            assertThat(c.rho()).isNull();
            assertThat(c.n()).isEqualTo(2);
            assertThat(c.reason()).contains("needs at least 3 steering configs");
        });
    }

    @Test
    void recommendsTheHighestHmAndTheHighestAurocSteeringConfig() {
        Section section = single(BUILDER.build(sweep(grid())));

        assertThat(section.recommended().byHm().configId()).isEqualTo("sw1-c003");
        assertThat(section.recommended().byHm().quality().hm()).isCloseTo(0.627907, within(1e-6));
        assertThat(section.recommended().byAuroc().configId()).isEqualTo("sw1-c002");
    }

    @Test
    void tiesAreBrokenByTheOtherScoreThenByTheEarlierConfig() {
        List<ConfigFacts> configs = List.of(
                steered(0, SteeringMethod.PCA, 1.0, 0.5, 0.5, 0.5, 0.70),
                steered(1, SteeringMethod.PCA, 2.0, 0.5, 0.5, 0.5, 0.75),
                steered(2, SteeringMethod.PCA, 3.0, 0.5, 0.5, 0.5, 0.75),
                steered(3, SteeringMethod.PCA, 4.0, 0.9, 0.9, 0.9, 0.75));

        Section section = single(BUILDER.build(sweep(configs)));

        // Equal HM 0.5: the higher AUROC first, then the earlier config.
        assertThat(section.leaderboardByHm())
                .extracting(ConfigEntry::configId)
                .containsExactly("sw1-c003", "sw1-c001", "sw1-c002", "sw1-c000");
        // Equal AUROC 0.75: the higher HM first, then the earlier config.
        assertThat(section.leaderboardByAuroc())
                .extracting(ConfigEntry::configId)
                .containsExactly("sw1-c003", "sw1-c001", "sw1-c002", "sw1-c000");
        assertThat(section.recommended().byAuroc().configId()).isEqualTo("sw1-c003");
    }

    @Test
    void leaderboardsRankEveryConfigThatHasTheNumbersWhateverItsKind() {
        Section section = single(BUILDER.build(sweep(grid())));

        assertThat(section.leaderboardByAuroc())
                .extracting(ConfigEntry::configId)
                .containsExactly("sw1-c006", "sw1-c002", "sw1-c001", "sw1-c005", "sw1-c003", "sw1-c000");
        assertThat(section.leaderboardByHm()).extracting(ConfigEntry::configId).contains("sw1-c004", "sw1-c005");
        assertThat(section.leaderboardByHm()).extracting(ConfigEntry::configId).doesNotContain("sw1-c006");
    }

    @Test
    void unfinishedAndFailedConfigsAreListedWithTheirState() {
        List<ConfigFacts> configs = new ArrayList<>(grid());
        configs.add(new ConfigFacts(
                spec(7, ConfigKind.STEERED, SteeringMethod.PCA, 2.0),
                StageState.FAILED,
                StageState.PENDING,
                4,
                1,
                0,
                1,
                null,
                null,
                null,
                null,
                "generation: out of memory"));

        configs.add(new ConfigFacts(
                spec(8, ConfigKind.STEERED, SteeringMethod.PCA, 4.0),
                StageState.DONE,
                StageState.DONE,
                4,
                4,
                4,
                0,
                0.5,
                0.5,
                null,
                run(0.7),
                "diversity: no measurable text"));

        Section section = single(BUILDER.build(sweep(configs)));

        assertThat(section.unfinished())
                .extracting(SweepReport.ConfigStatus::configId, SweepReport.ConfigStatus::progress)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sw1-c004", "TRAINING"),
                        org.assertj.core.groups.Tuple.tuple("sw1-c007", "FAILED"),
                        org.assertj.core.groups.Tuple.tuple("sw1-c008", "FAILED"));
        assertThat(section.unfinished().get(1).detail()).isEqualTo("generation: out of memory");
        assertThat(section.judgeValidity().judgementsFailed()).isEqualTo(1);
        assertThat(section.judgeValidity().configsWithIssues())
                .extracting(SweepReport.ConfigIssue::configId)
                .containsExactly("sw1-c007", "sw1-c008");
        assertThat(section.beatPrompting().steeredConfigs()).isEqualTo(7);
    }

    @Test
    void aConceptWhoseJudgeWasNotAssessedSaysSo() {
        SweepReport.JudgeValidity validity =
                single(BUILDER.build(sweep(grid()))).judgeValidity();

        assertThat(validity.judgeId()).isNull();
        assertThat(validity.validityAuroc()).isNull();
        assertThat(validity.valid()).isNull();
        assertThat(validity.flag()).isNull();
        assertThat(validity.validityNote()).isEqualTo(SweepReportBuilder.NOT_ASSESSED);
    }

    @Test
    void aJudgeBelowItsThresholdIsFlaggedAndOneAboveIsNot() {
        SweepReport.JudgeValidity invalid = single(BUILDER.build(
                        sweep(grid(), new JudgeAssessment("tox", "offline", 0.584, 2000, 0.7, false, null))))
                .judgeValidity();
        SweepReport.JudgeValidity valid = single(BUILDER.build(
                        sweep(grid(), new JudgeAssessment("tox", "offline", 0.96, 2000, 0.7, true, null))))
                .judgeValidity();

        assertThat(invalid.validityAuroc()).isEqualTo(0.584);
        assertThat(invalid.examples()).isEqualTo(2000);
        assertThat(invalid.valid()).isFalse();
        assertThat(invalid.flag())
                .isEqualTo("the offline judge's success score cannot tell real tox violations from non-violations"
                        + " (AUROC 0.58 < 0.70 on the real test split, 2000 examples): its success and HM are not"
                        + " evidence");
        assertThat(valid.valid()).isTrue();
        assertThat(valid.flag()).isNull();
        assertThat(valid.validityNote()).isNull();
    }

    @Test
    void aJudgeWithoutAnAurocIsNotFlaggedButSaysWhy() {
        SweepReport.JudgeValidity validity = single(BUILDER.build(sweep(
                        grid(), new JudgeAssessment("tox", "openai:gpt-4o-mini", null, 0, 0.7, null, "no API key"))))
                .judgeValidity();

        assertThat(validity.judgeId()).isEqualTo("openai:gpt-4o-mini");
        assertThat(validity.validityAuroc()).isNull();
        assertThat(validity.valid()).isNull();
        assertThat(validity.flag()).isNull();
        assertThat(validity.validityNote()).isEqualTo("no API key");
    }

    @Test
    void strengthCurvesArePerMethodAndSortedByStrength() {
        Section section = single(BUILDER.build(sweep(grid())));

        assertThat(section.strengthCurves()).hasSize(2);
        SweepReport.StrengthCurve meanDifference = section.strengthCurves().get(0);
        assertThat(meanDifference.method()).isEqualTo(SteeringMethod.MEAN_DIFFERENCE);
        assertThat(meanDifference.points())
                .extracting(SweepReport.CurvePoint::strength)
                .containsExactly(0.5, 1.0, 2.0, 4.0);
        assertThat(meanDifference.points())
                .extracting(SweepReport.CurvePoint::diversity)
                .containsExactly(0.9, 0.7, 0.5, 0.3);
        assertThat(section.strengthCurves().get(1).method()).isEqualTo(SteeringMethod.PCA);
    }

    @Test
    void reproducibilityCarriesSpecHashCodeVersionModelsAndPacks() {
        SweepReport report = BUILDER.build(sweep(grid()));

        assertThat(report.reproducibility().specHash()).isEqualTo("abc123");
        assertThat(report.reproducibility().codeVersion()).isEqualTo("1.2.3");
        assertThat(report.reproducibility().models())
                .singleElement()
                .satisfies(m -> assertThat(m.identity()).isEqualTo("hf:org/m"));
        assertThat(report.reproducibility().packs())
                .singleElement()
                .satisfies(p -> assertThat(p.contentHash()).isEqualTo("packhash"));
    }

    @Test
    void sectionsSplitByConceptAndModel() {
        List<ConfigFacts> configs = new ArrayList<>(grid());
        configs.add(new ConfigFacts(
                new ConfigSpec("sw1-c009", "sw1", ConfigKind.ORIGINAL_DATA, "other", "m", null, null, null, null, null),
                StageState.NOT_APPLICABLE,
                StageState.DONE,
                0,
                0,
                0,
                0,
                null,
                null,
                null,
                run(0.8),
                null));

        SweepReport report = BUILDER.build(sweep(configs));

        assertThat(report.sections()).extracting(Section::conceptId).containsExactly("tox", "other");
        assertThat(report.sections().get(1).beatPrompting().count()).isNull();
        assertThat(report.sections().get(1).unfinished()).isEmpty();
    }

    private static double rho(Section section, String axis) {
        return correlation(section, axis).rho();
    }

    private static Correlation correlation(Section section, String axis) {
        return section.correlations().stream()
                .filter(c -> c.axis().equals(axis))
                .findFirst()
                .orElseThrow();
    }

    private static Section single(SweepReport report) {
        assertThat(report.sections()).hasSize(1);
        return report.sections().get(0);
    }

    private static SweepFacts sweep(List<ConfigFacts> configs, JudgeAssessment assessment) {
        SweepFacts facts = sweep(configs);
        return new SweepFacts(
                facts.sweepId(),
                facts.name(),
                facts.state(),
                facts.specHash(),
                facts.codeVersion(),
                facts.models(),
                facts.packHashes(),
                facts.configs(),
                Map.of(assessment.conceptId(), assessment));
    }

    private static SweepFacts sweep(List<ConfigFacts> configs) {
        return new SweepFacts(
                "sw1",
                "test",
                SweepState.RUNNING,
                "abc123",
                "1.2.3",
                List.of(SweepReport.ModelProvenance.ofSource("m", "hf:org/m")),
                Map.of("tox", "packhash"),
                configs);
    }

    private static ConfigFacts steered(
            int ordinal,
            SteeringMethod method,
            double strength,
            double success,
            double coherence,
            double diversity,
            Double auroc) {
        return new ConfigFacts(
                spec(ordinal, ConfigKind.STEERED, method, strength),
                StageState.DONE,
                auroc == null ? StageState.PENDING : StageState.DONE,
                4,
                4,
                4,
                0,
                success,
                coherence,
                diversity,
                auroc == null ? null : run(auroc),
                null);
    }

    private static ConfigFacts baseline(int ordinal, double success, double coherence, double diversity, double auroc) {
        return new ConfigFacts(
                spec(ordinal, ConfigKind.PROMPTING_BASELINE, null, null),
                StageState.DONE,
                StageState.DONE,
                4,
                4,
                4,
                0,
                success,
                coherence,
                diversity,
                run(auroc),
                null);
    }

    private static ConfigFacts original(int ordinal, double auroc) {
        return new ConfigFacts(
                spec(ordinal, ConfigKind.ORIGINAL_DATA, null, null),
                StageState.NOT_APPLICABLE,
                StageState.DONE,
                0,
                0,
                0,
                0,
                null,
                null,
                null,
                run(auroc),
                null);
    }

    private static ConfigSpec spec(int ordinal, ConfigKind kind, SteeringMethod method, Double strength) {
        boolean steered = kind == ConfigKind.STEERED;
        return new ConfigSpec(
                "sw1-c%03d".formatted(ordinal),
                "sw1",
                kind,
                "tox",
                "m",
                method,
                steered ? 3 : null,
                strength,
                steered ? StrengthMode.RELATIVE : null,
                steered ? PositionPolicy.PROMPT_AND_GENERATION : null);
    }

    private static DetectorRun run(double auroc) {
        return new DetectorRun("embedding-logreg", 3, auroc, auroc - 0.05, auroc + 0.05, 0.01, 0.7, 0.7, Map.of());
    }
}
