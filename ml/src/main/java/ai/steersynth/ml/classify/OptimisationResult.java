package ai.steersynth.ml.classify;

/** What a solver returns: the parameters and how it got there. */
record OptimisationResult(double[] theta, int iterations, boolean converged, double maxAbsGradient, double objective) {}
