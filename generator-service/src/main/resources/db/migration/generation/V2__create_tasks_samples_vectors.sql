-- The generator's own copy of what it needs: concept packs, sweeps, tasks, published samples and
-- the steering-vector cache.

CREATE TABLE concept_pack (
    id            TEXT PRIMARY KEY,
    content_hash  TEXT        NOT NULL,
    pack          JSONB       NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE sweep (
    id         TEXT PRIMARY KEY,
    settings   JSONB   NOT NULL,
    cancelled  BOOLEAN NOT NULL DEFAULT false
);

-- One row per generation task (= config); state moves PENDING -> DONE | FAILED | CANCELLED.
CREATE TABLE task (
    config_id     TEXT PRIMARY KEY,
    sweep_id      TEXT        NOT NULL,
    model_id      TEXT        NOT NULL,
    config        JSONB       NOT NULL,
    settings      JSONB       NOT NULL,
    model_source  JSONB       NOT NULL,
    pack_hash     TEXT,
    state         TEXT        NOT NULL,
    error         TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX task_pending ON task (model_id, created_at) WHERE state = 'PENDING';

-- A sample row and its outbox event commit together: a restart regenerates only missing indices
-- and never publishes an index twice.
CREATE TABLE sample (
    sample_id      TEXT PRIMARY KEY,
    config_id      TEXT        NOT NULL REFERENCES task (config_id),
    sample_index   INT         NOT NULL,
    prompt         TEXT        NOT NULL,
    text           TEXT        NOT NULL,
    token_count    INT         NOT NULL,
    seed           BIGINT      NOT NULL,
    finish_reason  TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (config_id, sample_index)
);

-- Steering vectors, reused across sweeps.
CREATE TABLE steering_vector (
    model_hash      TEXT             NOT NULL,
    concept_id      TEXT             NOT NULL,
    method          TEXT             NOT NULL,
    layer           INT              NOT NULL,
    data_hash       TEXT             NOT NULL,
    direction       BYTEA            NOT NULL,
    mean_norm       DOUBLE PRECISION NOT NULL,
    provenance      JSONB            NOT NULL,
    created_at      TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (model_hash, concept_id, method, layer, data_hash)
);
