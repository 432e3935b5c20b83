/**
 * The engine's language models as the trainer uses them: loaded lazily per model source, a bounded number at a time
 * ({@link ai.steersynth.trainer.engine.LanguageModels}), read as mean-pooled residual features for the {@code
 * lm-probe} detector, and fine-tuned in their last block with a classification head by the {@code finetune} detector
 * ({@link ai.steersynth.trainer.engine.FineTuneDetector}).
 */
package ai.steersynth.trainer.engine;
