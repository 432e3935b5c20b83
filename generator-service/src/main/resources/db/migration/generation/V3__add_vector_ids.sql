-- Cached vectors get a stable id the API can address, and each task remembers the vector it used
-- (so "which vector did this config steer with" is one lookup).

ALTER TABLE steering_vector ADD COLUMN id UUID NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE steering_vector ADD CONSTRAINT steering_vector_id_unique UNIQUE (id);

ALTER TABLE task ADD COLUMN vector_id UUID REFERENCES steering_vector (id);
CREATE INDEX task_vector ON task (vector_id) WHERE vector_id IS NOT NULL;
