-- The pack version the sweep was created with (SweepCreated.packContentHashes), so a config trains on exactly
-- that version even when the pack is republished before it binds. NULL for sweeps announced without hashes:
-- such configs bind to the latest stored version, as before.
ALTER TABLE training_config ADD COLUMN expected_pack_hash TEXT;
