package ai.steersynth.sweep.web;

import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.sweep.domain.StageState;
import ai.steersynth.sweep.domain.SweepState;
import ai.steersynth.sweep.persistence.ConfigRow;
import ai.steersynth.sweep.persistence.SweepRow;
import java.time.Instant;
import java.util.List;

/**
 * A sweep as {@code GET /api/sweeps/{id}} shows it: state, config counts, per-stage progress and
 * the configs that failed.
 */
public record SweepView(
        String id,
        String name,
        SweepState state,
        Instant createdAt,
        Instant updatedAt,
        String specHash,
        String cancelReason,
        ConfigCounts configs,
        Progress progress,
        List<ConfigError> errors) {

    /** How many configs the grid expanded to, by kind. */
    public record ConfigCounts(int total, int steered, int promptingBaseline, int originalData) {}

    /** Progress of each stage. */
    public record Progress(
            StageProgress generation, StageProgress judging, StageProgress diversity, StageProgress training) {}

    /**
     * One stage's progress.
     *
     * @param configsExpected configs the stage has to handle
     * @param configsDone configs it finished
     * @param configsFailed configs it gave up on
     * @param samplesExpected samples it has to handle (generation and judging), else 0
     * @param samplesDone samples it handled
     * @param samplesFailed samples it could not handle
     */
    public record StageProgress(
            int configsExpected,
            int configsDone,
            int configsFailed,
            int samplesExpected,
            int samplesDone,
            int samplesFailed) {}

    /** A config that failed somewhere, and why. */
    public record ConfigError(String configId, String label, String error) {}

    static SweepView of(SweepRow sweep, List<ConfigRow> configs) {
        int steered = count(configs, ConfigKind.STEERED);
        int baseline = count(configs, ConfigKind.PROMPTING_BASELINE);
        List<ConfigRow> generating =
                configs.stream().filter(c -> c.spec().kind().generates()).toList();
        StageProgress generation = new StageProgress(
                generating.size(),
                (int) generating.stream()
                        .filter(c -> c.generationState() == StageState.DONE)
                        .count(),
                (int) generating.stream()
                        .filter(c -> c.generationState() == StageState.FAILED)
                        .count(),
                generating.stream().mapToInt(ConfigRow::samplesRequested).sum(),
                generating.stream().mapToInt(ConfigRow::samplesGenerated).sum(),
                0);
        StageProgress judging = new StageProgress(
                generating.size(),
                (int) generating.stream()
                        .filter(c -> c.generationState().terminal()
                                && c.samplesJudged() + c.judgementsFailed() >= c.samplesGenerated())
                        .count(),
                0,
                generating.stream().mapToInt(ConfigRow::samplesRequested).sum(),
                generating.stream().mapToInt(ConfigRow::samplesJudged).sum(),
                generating.stream().mapToInt(ConfigRow::judgementsFailed).sum());
        StageProgress diversity = new StageProgress(
                generating.size(),
                (int) generating.stream()
                        .filter(c -> c.diversityReportJson() != null)
                        .count(),
                0,
                0,
                0,
                0);
        StageProgress training = new StageProgress(
                configs.size(),
                (int) configs.stream()
                        .filter(c -> c.trainingState() == StageState.DONE)
                        .count(),
                (int) configs.stream()
                        .filter(c -> c.trainingState() == StageState.FAILED)
                        .count(),
                0,
                0,
                0);
        List<ConfigError> errors = configs.stream()
                .filter(c -> c.error() != null)
                .map(c -> new ConfigError(c.spec().configId(), c.spec().label(), c.error()))
                .toList();
        return new SweepView(
                sweep.id(),
                sweep.name(),
                sweep.state(),
                sweep.createdAt(),
                sweep.updatedAt(),
                sweep.specHash(),
                sweep.cancelReason(),
                new ConfigCounts(configs.size(), steered, baseline, configs.size() - steered - baseline),
                new Progress(generation, judging, diversity, training),
                errors);
    }

    private static int count(List<ConfigRow> configs, ConfigKind kind) {
        return (int) configs.stream().filter(c -> c.spec().kind() == kind).count();
    }
}
