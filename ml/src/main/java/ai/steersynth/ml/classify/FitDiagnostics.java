package ai.steersynth.ml.classify;

/**
 * How a logistic-regression fit went.
 *
 * @param solver the optimiser that ran (never {@link Solver#AUTO})
 * @param iterations optimiser steps taken
 * @param converged whether the gradient tolerance was reached
 * @param maxAbsGradient the largest gradient component at the returned point (per-example objective)
 * @param objective the per-example objective at the returned point
 */
public record FitDiagnostics(
        Solver solver, int iterations, boolean converged, double maxAbsGradient, double objective) {}
