-- How well each sweep's judge separates each concept's real test split (JudgeValidityAssessed), one row
-- per (sweep, concept); the report flags a judge below its threshold.
CREATE TABLE sweep_judge_validity (
    sweep_id          TEXT             NOT NULL REFERENCES sweep (id) ON DELETE CASCADE,
    concept_id        TEXT             NOT NULL,
    judge_id          TEXT             NOT NULL,
    rubric_version    TEXT             NOT NULL,
    pack_content_hash TEXT,
    auroc             DOUBLE PRECISION,
    examples          INTEGER          NOT NULL,
    positives         INTEGER          NOT NULL,
    threshold         DOUBLE PRECISION NOT NULL,
    valid             BOOLEAN,
    reason            TEXT,
    assessed_at       TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (sweep_id, concept_id)
);
