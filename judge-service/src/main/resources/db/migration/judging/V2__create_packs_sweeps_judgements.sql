-- What the judge keeps of each concept pack: the definition the rubric reads, the judge split that
-- trains the offline judge and the test split its validity is measured on.
CREATE TABLE judge_pack (
    id            TEXT        PRIMARY KEY,
    content_hash  TEXT        NOT NULL,
    definition    TEXT        NOT NULL,
    judge_split   JSONB       NOT NULL,
    test_split    JSONB       NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Each sweep's judge settings, and whether it was cancelled (then its remaining samples are skipped).
CREATE TABLE judge_sweep (
    id          TEXT        PRIMARY KEY,
    settings    JSONB       NOT NULL,
    cancelled   BOOLEAN     NOT NULL DEFAULT false,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The configs of those sweeps, so a sample (which names its config) finds its concept.
CREATE TABLE judge_config (
    id          TEXT PRIMARY KEY,
    sweep_id    TEXT NOT NULL REFERENCES judge_sweep (id) ON DELETE CASCADE,
    concept_id  TEXT NOT NULL
);
CREATE INDEX judge_config_sweep ON judge_config (sweep_id);

-- One row per judged (or unscorable) sample and judge.
CREATE TABLE judgement (
    sample_id        TEXT             NOT NULL,
    judge_id         TEXT             NOT NULL,
    config_id        TEXT             NOT NULL,
    sweep_id         TEXT             NOT NULL,
    rubric_version   TEXT             NOT NULL,
    success          DOUBLE PRECISION,
    coherence        DOUBLE PRECISION,
    raw_output       TEXT             NOT NULL,
    unscored_reason  TEXT,
    judged_at        TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (sample_id, judge_id),
    CHECK ((success IS NULL) = (unscored_reason IS NOT NULL))
);
CREATE INDEX judgement_config ON judgement (config_id);

-- Scores already computed: identical (input, rubric version, judge) is judged once. The input hash is
-- sha256 over the concept's content hash, the prompt and the text, since the rubric reads all three.
CREATE TABLE judgement_cache (
    judge_id        TEXT             NOT NULL,
    rubric_version  TEXT             NOT NULL,
    input_hash      TEXT             NOT NULL,
    success         DOUBLE PRECISION NOT NULL,
    coherence       DOUBLE PRECISION NOT NULL,
    raw_output      TEXT             NOT NULL,
    created_at      TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (judge_id, rubric_version, input_hash)
);

-- Validity reports, computed on demand and kept per judge and pack content.
CREATE TABLE judge_validity (
    judge_id           TEXT             NOT NULL,
    rubric_version     TEXT             NOT NULL,
    pack_id            TEXT             NOT NULL,
    pack_content_hash  TEXT             NOT NULL,
    auroc              DOUBLE PRECISION,
    positives          INTEGER          NOT NULL,
    negatives          INTEGER          NOT NULL,
    unscored           INTEGER          NOT NULL,
    threshold          DOUBLE PRECISION NOT NULL,
    valid              BOOLEAN          NOT NULL,
    computed_at        TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (judge_id, rubric_version, pack_id, pack_content_hash)
);
