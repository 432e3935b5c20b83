package ai.steersynth.trainer.domain;

import java.util.List;

/**
 * The runs of one config (or baseline) over several seeds, with the spread of each metric.
 *
 * @param runs one run per seed, in seed order
 * @param auroc AUROC over the seeds
 * @param averagePrecision AUPRC over the seeds
 * @param bestThresholdAccuracy best-threshold accuracy over the seeds
 */
public record SeededEvaluation(
        List<DetectorRunResult> runs, Spread auroc, Spread averagePrecision, Spread bestThresholdAccuracy) {

    public SeededEvaluation {
        runs = List.copyOf(runs);
    }

    /** Summarises runs. */
    public static SeededEvaluation of(List<DetectorRunResult> runs) {
        return new SeededEvaluation(
                runs,
                Spread.of(runs.stream().mapToDouble(DetectorRunResult::auroc).toArray()),
                Spread.of(runs.stream()
                        .mapToDouble(r -> r.evaluation().averagePrecision())
                        .toArray()),
                Spread.of(runs.stream()
                        .mapToDouble(r -> r.evaluation().bestThreshold().accuracy())
                        .toArray()));
    }
}
