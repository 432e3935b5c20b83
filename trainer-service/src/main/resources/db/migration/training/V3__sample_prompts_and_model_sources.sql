-- What detectors need beyond text: the generation prompt of each sample (detectors of packs whose examples
-- answer a prompt read prompt and text, see DetectorInputFormat), and where the sweep's models live (the
-- lm-probe detector runs the config's model). Rows stored before this migration have no prompt (read as text
-- only) and no model sources (an lm-probe run of such a sweep fails, naming the missing model).
ALTER TABLE training_sample ADD COLUMN prompt TEXT;
ALTER TABLE training_sweep ADD COLUMN model_sources JSONB NOT NULL DEFAULT '{}'::jsonb;
