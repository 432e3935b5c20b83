-- Shared by every service, applied in the service's own schema (${flyway:defaultSchema}).

-- Transactional outbox: a state change and the event announcing it commit together; the relay
-- publishes unsent rows in id order and stamps sent_at.
CREATE TABLE outbox (
    id          BIGSERIAL PRIMARY KEY,
    event_id    TEXT        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    event_key   TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Message log: one row per consumed event and consumer; a redelivered event finds its row and is a no-op.
CREATE TABLE message_log (
    event_id     TEXT        NOT NULL,
    consumer     TEXT        NOT NULL,
    consumed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);
