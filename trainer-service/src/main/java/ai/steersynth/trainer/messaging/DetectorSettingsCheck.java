package ai.steersynth.trainer.messaging;

import ai.steersynth.contracts.sweep.DetectorSettings;
import ai.steersynth.contracts.sweep.SweepSettings;
import ai.steersynth.trainer.domain.DetectorRegistry;
import java.util.Optional;

/** What of a sweep's settings the trainer can act on: the detector kind, seeds, threshold and budget. */
final class DetectorSettingsCheck {

    private DetectorSettingsCheck() {}

    /** The sweep's detector settings; the defaults when it names none. */
    static DetectorSettings detector(SweepSettings settings) {
        return settings.detector() == null ? DetectorSettings.defaults() : settings.detector();
    }

    /** The detector kind; the default kind when the settings name none. */
    static String kind(SweepSettings settings) {
        String kind = detector(settings).kind();
        return kind == null || kind.isBlank() ? DetectorRegistry.DEFAULT_KIND : kind;
    }

    /** Why no config of the sweep can train, or empty when its settings are usable. */
    static Optional<String> problem(SweepSettings settings, DetectorRegistry registry) {
        DetectorSettings detector = detector(settings);
        String kind = kind(settings);
        if (!registry.kinds().contains(kind)) {
            return Optional.of("detector kind '" + kind + "' is not supported by this trainer; supported kinds: "
                    + String.join(", ", registry.kinds()));
        }
        if (detector.seeds() < 1) {
            return Optional.of("detector seeds must be at least 1, got " + detector.seeds());
        }
        Double threshold = detector.successThreshold();
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            return Optional.of("success threshold must be in [0, 1], got " + threshold);
        }
        if (settings.samplesPerConfig() < 1) {
            return Optional.of(
                    "the detector budget (samples per config) must be at least 1, got " + settings.samplesPerConfig());
        }
        return Optional.empty();
    }
}
