-- Inbox entries that were not regular files (a link, a folder, a FIFO, a device): never
-- read, moved into rejected/not-files/ under a generated name, and reported by `status`
-- (W-INBOX-NOT-A-FILE). original_name is what the entry was called, for people only.
CREATE TABLE inbox_not_file (
    id               BIGSERIAL   PRIMARY KEY,
    original_name    TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    moved_to         TEXT,        -- the generated name in rejected/not-files/; null: could not be moved
    found_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    job_execution_id BIGINT
);
