-- Every version of every pack, keyed by pack id and content hash, so a sweep is judged against the version
-- it was created with (SweepCreated.packContentHashes) even when the pack is republished mid-sweep.
-- judge_pack becomes the pointer to each live pack's latest version (what sweeps without a hash use).
CREATE TABLE judge_pack_version (
    id            TEXT        NOT NULL,
    content_hash  TEXT        NOT NULL,
    definition    TEXT        NOT NULL,
    judge_split   JSONB       NOT NULL,
    test_split    JSONB       NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (id, content_hash)
);

INSERT INTO judge_pack_version (id, content_hash, definition, judge_split, test_split, received_at)
SELECT id, content_hash, definition, judge_split, test_split, updated_at FROM judge_pack;

ALTER TABLE judge_pack
    DROP COLUMN definition,
    DROP COLUMN judge_split,
    DROP COLUMN test_split,
    ADD FOREIGN KEY (id, content_hash) REFERENCES judge_pack_version (id, content_hash);

-- The pack version the config's sweep was created with; NULL for sweeps announced without hashes.
ALTER TABLE judge_config ADD COLUMN expected_pack_hash TEXT;
