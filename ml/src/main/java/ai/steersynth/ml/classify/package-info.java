/** Binary classifiers on dense features: L2-regularised logistic regression with validated strength. */
package ai.steersynth.ml.classify;
