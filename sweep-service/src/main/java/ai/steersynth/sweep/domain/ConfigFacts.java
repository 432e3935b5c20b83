package ai.steersynth.sweep.domain;

import ai.steersynth.contracts.result.DetectorRun;
import ai.steersynth.contracts.sweep.ConfigKind;
import ai.steersynth.contracts.sweep.ConfigSpec;

/**
 * The stored numbers of one config, as the report reads them: its spec, where each stage stands,
 * and the per-config results that have arrived so far.
 *
 * @param spec the config
 * @param generationState the generator's state ({@code NOT_APPLICABLE} for original data)
 * @param trainingState the trainer's state
 * @param samplesRequested samples the config asked for
 * @param samplesGenerated samples generated so far
 * @param samplesJudged samples the judge scored
 * @param judgementsFailed samples the judge could not score
 * @param meanSuccess mean judged success, or null before the first judgement
 * @param meanCoherence mean judged coherence, or null before the first judgement
 * @param diversity the diversity axis, or null before the diversity report
 * @param detectorRun the detector run, or null before (or without) one
 * @param error why a stage failed, or null
 */
public record ConfigFacts(
        ConfigSpec spec,
        StageState generationState,
        StageState trainingState,
        int samplesRequested,
        int samplesGenerated,
        int samplesJudged,
        int judgementsFailed,
        Double meanSuccess,
        Double meanCoherence,
        Double diversity,
        DetectorRun detectorRun,
        String error) {

    /** Whether every stage that applies to the config has finished successfully. */
    public boolean complete() {
        if (trainingState != StageState.DONE) {
            return false;
        }
        if (spec.kind() == ConfigKind.ORIGINAL_DATA) {
            return true;
        }
        return generationState == StageState.DONE && judgingDone() && diversity != null;
    }

    /** Whether every generated sample has been judged or given up on. */
    public boolean judgingDone() {
        return samplesJudged + judgementsFailed >= samplesGenerated;
    }

    /** Where an unfinished config stands: the first stage still open, or FAILED with the error. */
    public SweepReport.ConfigStatus status() {
        ConfigSpec spec = spec();
        String progress;
        String detail;
        // Every stage failure (generation, diversity, training) leaves its reason in error.
        if (error() != null || generationState() == StageState.FAILED || trainingState() == StageState.FAILED) {
            progress = "FAILED";
            detail = error() == null ? "a stage failed" : error();
        } else if (generationState() == StageState.PENDING) {
            progress = "GENERATING";
            detail = "%d of %d samples generated".formatted(samplesGenerated(), samplesRequested());
        } else if (spec.kind().generates() && !judgingDone()) {
            progress = "JUDGING";
            detail = "%d of %d samples judged, %d failed"
                    .formatted(samplesJudged(), samplesGenerated(), judgementsFailed());
        } else if (spec.kind().generates() && diversity() == null) {
            progress = "MEASURING";
            detail = "waiting for the diversity report";
        } else {
            progress = "TRAINING";
            detail = "waiting for the detector run";
        }
        return new SweepReport.ConfigStatus(spec.configId(), spec.label(), spec.kind(), progress, detail);
    }
}
