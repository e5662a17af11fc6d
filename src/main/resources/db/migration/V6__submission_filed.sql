-- A submission's original is copied into archive/ or rejected/ and removed from the inbox
-- only after its row has committed; filed_at says that this was done. A row without it is
-- a filing interrupted (process killed, disk full): the next import finishes it from the
-- file still in the inbox instead of importing that file a second time.
ALTER TABLE submission ADD COLUMN filed_at TIMESTAMPTZ;
UPDATE submission SET filed_at = imported_at;
CREATE INDEX submission_unfiled ON submission (sha256) WHERE filed_at IS NULL;
