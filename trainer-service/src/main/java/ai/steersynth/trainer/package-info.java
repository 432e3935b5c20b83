/** The trainer: builds training sets, trains detectors and reports downstream AUROC. */
package ai.steersynth.trainer;
