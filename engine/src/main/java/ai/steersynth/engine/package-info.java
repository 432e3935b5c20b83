/** The engine's entry point for opening a model from disk ({@link ai.steersynth.engine.ModelFiles}); the work lives in the subpackages. */
package ai.steersynth.engine;
