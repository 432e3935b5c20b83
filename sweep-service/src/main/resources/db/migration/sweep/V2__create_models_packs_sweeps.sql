-- The sweep service's read and write model: registered models, concept packs, sweeps and their configs.

CREATE TABLE model (
    id           TEXT PRIMARY KEY,
    source_type  TEXT        NOT NULL,
    location     TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE concept_pack (
    id            TEXT PRIMARY KEY,
    name          TEXT        NOT NULL,
    content_hash  TEXT        NOT NULL,
    pack          JSONB       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE sweep (
    id             TEXT PRIMARY KEY,
    name           TEXT        NOT NULL,
    state          TEXT        NOT NULL,
    spec           JSONB       NOT NULL,
    spec_hash      TEXT        NOT NULL,
    settings       JSONB       NOT NULL,
    cancel_reason  TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sweep_created ON sweep (created_at DESC);

-- One row per config with its stage progress; counters only move through message-logged handlers.
CREATE TABLE sweep_config (
    id                  TEXT PRIMARY KEY,
    sweep_id            TEXT        NOT NULL REFERENCES sweep (id) ON DELETE CASCADE,
    ordinal             INT         NOT NULL,
    kind                TEXT        NOT NULL,
    concept_id          TEXT        NOT NULL,
    model_id            TEXT        NOT NULL,
    method              TEXT,
    layer               INT,
    strength            DOUBLE PRECISION,
    strength_mode       TEXT,
    position_policy     TEXT,
    samples_requested   INT         NOT NULL,
    samples_generated   INT         NOT NULL DEFAULT 0,
    generation_state    TEXT        NOT NULL,
    samples_judged      INT         NOT NULL DEFAULT 0,
    judgements_failed   INT         NOT NULL DEFAULT 0,
    success_sum         DOUBLE PRECISION NOT NULL DEFAULT 0,
    coherence_sum       DOUBLE PRECISION NOT NULL DEFAULT 0,
    diversity_report    JSONB,
    detector_run        JSONB,
    training_state      TEXT        NOT NULL DEFAULT 'PENDING',
    error               TEXT,
    UNIQUE (sweep_id, ordinal)
);
CREATE INDEX sweep_config_sweep ON sweep_config (sweep_id);
