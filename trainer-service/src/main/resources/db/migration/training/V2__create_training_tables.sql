-- The trainer's own copy of what it needs from other services' events, and its detector runs.
-- Facts arrive on different topics in any order, so each lives in its own table keyed by its id
-- and the start rule joins them (see docs/trainer.md).

-- Detector splits of every concept pack version seen; received_seq orders versions of one pack.
CREATE TABLE pack_version (
    pack_id       TEXT        NOT NULL,
    content_hash  TEXT        NOT NULL,
    received_seq  BIGSERIAL   NOT NULL,
    train         JSONB       NOT NULL,
    test          JSONB       NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (pack_id, content_hash)
);

CREATE TABLE training_sweep (
    sweep_id       TEXT PRIMARY KEY,
    settings       JSONB       NOT NULL,
    cancelled      BOOLEAN     NOT NULL DEFAULT false,
    cancel_reason  TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per config of a known sweep. status: WAITING -> STARTED -> COMPLETED | FAILED, or CANCELLED.
-- pack_content_hash is bound once (the pack version the config trains on) and never changes.
CREATE TABLE training_config (
    config_id          TEXT PRIMARY KEY,
    sweep_id           TEXT        NOT NULL REFERENCES training_sweep (sweep_id) ON DELETE CASCADE,
    kind               TEXT        NOT NULL,
    concept_id         TEXT        NOT NULL,
    spec               JSONB       NOT NULL,
    pack_content_hash  TEXT,
    status             TEXT        NOT NULL DEFAULT 'WAITING',
    attempts           INT         NOT NULL DEFAULT 0,
    failure_reason     TEXT,
    started_at         TIMESTAMPTZ,
    finished_at        TIMESTAMPTZ,
    FOREIGN KEY (concept_id, pack_content_hash) REFERENCES pack_version (pack_id, content_hash)
);
CREATE INDEX training_config_sweep ON training_config (sweep_id);
CREATE INDEX training_config_unbound ON training_config (concept_id) WHERE pack_content_hash IS NULL;
CREATE INDEX training_config_started ON training_config (config_id) WHERE status = 'STARTED';

-- How a config's generation ended: sample_count when completed, failure_reason when failed.
CREATE TABLE generation_outcome (
    config_id       TEXT PRIMARY KEY,
    sweep_id        TEXT        NOT NULL,
    sample_count    INT,
    failure_reason  TEXT,
    received_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((sample_count IS NULL) <> (failure_reason IS NULL))
);

CREATE TABLE training_sample (
    sample_id     TEXT PRIMARY KEY,
    config_id     TEXT        NOT NULL,
    sweep_id      TEXT        NOT NULL,
    sample_index  INT         NOT NULL,
    text          TEXT        NOT NULL
);
CREATE INDEX training_sample_config ON training_sample (config_id, sample_index);

-- One judgement per sample (the first that arrives): success in [0, 1], or NULL with a failure reason.
CREATE TABLE sample_judgement (
    sample_id       TEXT PRIMARY KEY,
    config_id       TEXT        NOT NULL,
    success         DOUBLE PRECISION,
    failure_reason  TEXT,
    CHECK ((success IS NULL) <> (failure_reason IS NULL))
);
CREATE INDEX sample_judgement_config ON sample_judgement (config_id);

-- At most one run per config. run is the published DetectorRun; seed_runs keeps every seed's
-- composition, AUROC interval, AUPRC, accuracy and detector parameters (the trained artefact's record).
CREATE TABLE detector_run (
    config_id          TEXT PRIMARY KEY REFERENCES training_config (config_id) ON DELETE CASCADE,
    sweep_id           TEXT             NOT NULL,
    detector_kind      TEXT             NOT NULL,
    pack_content_hash  TEXT             NOT NULL,
    seeds              INT              NOT NULL,
    auroc              DOUBLE PRECISION NOT NULL,
    auroc_ci_low       DOUBLE PRECISION NOT NULL,
    auroc_ci_high      DOUBLE PRECISION NOT NULL,
    auroc_std          DOUBLE PRECISION NOT NULL,
    auprc              DOUBLE PRECISION NOT NULL,
    best_threshold_accuracy DOUBLE PRECISION NOT NULL,
    run                JSONB            NOT NULL,
    seed_runs          JSONB            NOT NULL,
    created_at         TIMESTAMPTZ      NOT NULL DEFAULT now()
);
CREATE INDEX detector_run_sweep ON detector_run (sweep_id);
