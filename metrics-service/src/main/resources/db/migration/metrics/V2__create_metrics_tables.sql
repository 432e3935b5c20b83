-- The metrics service's own copy of what it needs from the sweep and sample events, and its reports.
-- Sweep events and sample events travel on different topics, so either may arrive first: every
-- table is filled by whichever event brings the fact, and a config is claimed for measurement in
-- the transaction that completes its inputs (see MetricsEventHandler).

-- mattr_window is NULL until SweepCreated arrives; a config is measured only once it is known.
CREATE TABLE metrics_sweep (
    sweep_id       TEXT PRIMARY KEY,
    mattr_window   INT,
    cancelled      BOOLEAN     NOT NULL DEFAULT false,
    cancel_reason  TEXT,
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per config seen in SweepCreated or in a sample event. kind is NULL until SweepCreated;
-- sample_count is set by ConfigGenerationCompleted.
-- state: WAITING -> CLAIMED -> REPORTED | FAILED; or NOT_APPLICABLE (original data, nothing generated),
-- GENERATION_FAILED, NOTHING_TO_MEASURE (completed with no samples), CANCELLED.
-- attempts counts measurement runs of the current claim, so a config that crashes the service is
-- given up after a bounded number of restarts instead of looping.
CREATE TABLE metrics_config (
    config_id       TEXT PRIMARY KEY,
    sweep_id        TEXT        NOT NULL,
    kind            TEXT,
    sample_count    INT,
    state           TEXT        NOT NULL DEFAULT 'WAITING',
    attempts        INT         NOT NULL DEFAULT 0,
    failure_reason  TEXT,
    claimed_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX metrics_config_sweep ON metrics_config (sweep_id);
CREATE INDEX metrics_config_claimed ON metrics_config (claimed_at) WHERE state = 'CLAIMED';

-- The text of every sample, as UTF-8 bytes: PostgreSQL TEXT cannot hold U+0000, which a model may emit.
CREATE TABLE metrics_sample (
    sample_id     TEXT PRIMARY KEY,
    config_id     TEXT        NOT NULL,
    sample_index  INT         NOT NULL,
    text_utf8     BYTEA       NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX metrics_sample_config ON metrics_sample (config_id, sample_index);

-- At most one report per config: the published DiversityReport, components by name (docs/metrics.md).
CREATE TABLE diversity_report (
    config_id     TEXT PRIMARY KEY REFERENCES metrics_config (config_id),
    sweep_id      TEXT             NOT NULL,
    sample_count  INT              NOT NULL,
    sample_level  DOUBLE PRECISION NOT NULL,
    set_level     DOUBLE PRECISION NOT NULL,
    diversity     DOUBLE PRECISION NOT NULL,
    components    JSONB            NOT NULL,
    measured_at   TIMESTAMPTZ      NOT NULL
);
CREATE INDEX diversity_report_sweep ON diversity_report (sweep_id);
