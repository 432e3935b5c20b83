-- Generated samples with their judgements, kept for the dataset export, and what a config was run
-- against (model source and pack content hash at submission), kept for the report and dataset card.

-- A sample's judgement can arrive before the sample itself (they travel on different topics), so
-- either event may create the row; the sample columns are filled when SampleGenerated arrives.
CREATE TABLE sample (
    sample_id      TEXT PRIMARY KEY,
    config_id      TEXT             NOT NULL REFERENCES sweep_config (id) ON DELETE CASCADE,
    sample_index   INT              NOT NULL,
    prompt         TEXT,
    text           TEXT,
    token_count    INT,
    seed           BIGINT,
    finish_reason  TEXT,
    success        DOUBLE PRECISION,
    coherence      DOUBLE PRECISION,
    judge_id       TEXT
);
CREATE INDEX sample_config ON sample (config_id, sample_index);

ALTER TABLE sweep_config ADD COLUMN model_source TEXT;
ALTER TABLE sweep_config ADD COLUMN pack_content_hash TEXT;
