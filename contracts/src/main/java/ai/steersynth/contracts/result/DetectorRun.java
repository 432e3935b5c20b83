package ai.steersynth.contracts.result;

import java.util.Map;

/**
 * The extrinsic result of one config: a detector trained on the config's training set, evaluated
 * on the concept's real test split. Figures are means over seeds.
 *
 * @param detectorKind e.g. {@code embedding-logreg}
 * @param seeds training seeds used
 * @param auroc mean AUROC on the real test split
 * @param aurocCiLow lower end of the bootstrap 95 % CI
 * @param aurocCiHigh upper end of the bootstrap 95 % CI
 * @param aurocStd spread of AUROC over seeds
 * @param auprc mean average precision
 * @param bestThresholdAccuracy mean accuracy at the best threshold
 * @param composition training-set composition (counts, rule, threshold), for the record
 */
public record DetectorRun(
        String detectorKind,
        int seeds,
        double auroc,
        double aurocCiLow,
        double aurocCiHigh,
        double aurocStd,
        double auprc,
        double bestThresholdAccuracy,
        Map<String, Object> composition) {

    public DetectorRun {
        composition = composition == null ? Map.of() : Map.copyOf(composition);
    }
}
