-- The source of the model that generates each config's samples (from SweepCreated.modelSources), in its
-- user-facing form (hf:org/name, a .gguf path or a directory); the offline judge scores coherence with
-- that model's likelihood. NULL for sweeps announced without model sources.
ALTER TABLE judge_config ADD COLUMN model_source TEXT;
