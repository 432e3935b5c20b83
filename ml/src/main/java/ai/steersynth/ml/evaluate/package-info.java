/** Detector evaluation metrics: exact AUROC, average precision, best-threshold accuracy and bootstrap intervals. */
package ai.steersynth.ml.evaluate;
