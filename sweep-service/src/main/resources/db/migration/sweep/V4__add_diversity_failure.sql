-- A config whose samples could not be measured ends the diversity stage without a report.
ALTER TABLE sweep_config ADD COLUMN diversity_failed BOOLEAN NOT NULL DEFAULT false;
