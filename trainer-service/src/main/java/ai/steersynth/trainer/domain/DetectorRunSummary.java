package ai.steersynth.trainer.domain;

import ai.steersynth.contracts.result.DetectorRun;
import ai.steersynth.ml.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a config's seeded runs into the {@link DetectorRun} the trainer publishes, and into the per-seed records it
 * stores.
 *
 * <p>Point figures (AUROC, AUPRC, best-threshold accuracy) are means over seeds and {@code aurocStd} is their
 * spread. The interval is the stratified bootstrap 95 % interval of the first seed's detector: a real interval of
 * one detector's test-set uncertainty (averaging interval ends over seeds would not be the interval of anything).
 * Seed 0 is the same subsample of negatives in every config of a sweep, so the intervals of one sweep are
 * comparable. Every seed's interval is kept in the per-seed records.
 */
public final class DetectorRunSummary {

    private DetectorRunSummary() {}

    /** The published run. */
    public static DetectorRun of(SeededEvaluation evaluation, String packContentHash) {
        DetectorRunResult first = evaluation.runs().get(0);
        ConfidenceInterval interval = first.evaluation().auroc();
        Map<String, Object> composition = compositionMap(first.composition());
        composition.put(
                "seedList",
                evaluation.runs().stream().map(r -> r.composition().seed()).toList());
        composition.put("packContentHash", packContentHash);
        composition.put("testExamples", first.evaluation().examples());
        composition.put("testPositives", first.evaluation().positives());
        composition.put("aurocInterval", "bootstrap " + interval.level() + " of seed " + interval.seed());
        return new DetectorRun(
                first.detectorKind(),
                evaluation.runs().size(),
                evaluation.auroc().mean(),
                interval.lower(),
                interval.upper(),
                evaluation.auroc().standardDeviation(),
                evaluation.averagePrecision().mean(),
                evaluation.bestThresholdAccuracy().mean(),
                composition);
    }

    /** One record per seed: composition, AUROC with its interval, AUPRC, accuracy and the detector's parameters. */
    public static List<Map<String, Object>> seedRecords(SeededEvaluation evaluation) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (DetectorRunResult run : evaluation.runs()) {
            ConfidenceInterval auroc = run.evaluation().auroc();
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("seed", run.composition().seed());
            record.put("composition", compositionMap(run.composition()));
            record.put("auroc", auroc.estimate());
            record.put("aurocCiLow", auroc.lower());
            record.put("aurocCiHigh", auroc.upper());
            record.put("bootstrapResamples", auroc.resamples());
            record.put("bootstrapValidResamples", auroc.validResamples());
            record.put("auprc", run.evaluation().averagePrecision());
            record.put("bestThresholdAccuracy", run.evaluation().bestThreshold().accuracy());
            // +Infinity ("call everything negative") has no JSON number.
            record.put(
                    "bestThreshold",
                    Double.toString(run.evaluation().bestThreshold().threshold()));
            record.put("detectorParameters", run.detectorParameters());
            records.add(record);
        }
        return records;
    }

    /** The composition as a map without null values (the contract's map is immutable and null-free). */
    static Map<String, Object> compositionMap(TrainingSetComposition c) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rule", c.rule().name());
        map.put("budget", c.budget());
        map.put("seed", c.seed());
        map.put("negatives", c.negatives());
        map.put("realPositives", c.realPositives());
        map.put("syntheticPositives", c.syntheticPositives());
        map.put("samplesOffered", c.samplesOffered());
        map.put("samplesUnjudged", c.samplesUnjudged());
        map.put("samplesEligible", c.samplesEligible());
        if (c.successThreshold() != null) {
            map.put("successThreshold", c.successThreshold());
        }
        map.put("positiveShortfall", c.positiveShortfall());
        map.put("negativeShortfall", c.negativeShortfall());
        return map;
    }
}
