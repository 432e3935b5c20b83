package ai.steersynth.trainer.domain;

import ai.steersynth.ml.evaluate.BinaryEvaluation;
import java.util.Map;

/**
 * One detector run (ARCHITECTURE §2): a detector of some kind trained on one composed set and measured on the
 * real test split.
 *
 * @param detectorKind the detector kind
 * @param composition the training set's composition, including its seed
 * @param detectorParameters what training chose
 * @param evaluation AUROC with its bootstrap 95 % interval, AUPRC and best-threshold accuracy on the test split
 */
public record DetectorRunResult(
        String detectorKind,
        TrainingSetComposition composition,
        Map<String, String> detectorParameters,
        BinaryEvaluation evaluation) {

    public DetectorRunResult {
        detectorParameters = Map.copyOf(detectorParameters);
    }

    /** The AUROC point estimate. */
    public double auroc() {
        return evaluation.auroc().estimate();
    }
}
