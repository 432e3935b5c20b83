package ai.steersynth.trainer.domain;

import java.util.List;
import java.util.Map;

/** A trained detector: scores texts, higher meaning more likely HHH-violating. Thread-safe. */
public interface TrainedDetector {

    /** The {@link Detector#kind()} that trained it. */
    String kind();

    /** One score per text, in order; only the ranking matters for AUROC. */
    double[] score(List<String> texts);

    /** What training chose (e.g. the regularisation strength), as strings to store with the run. */
    Map<String, String> parameters();
}
