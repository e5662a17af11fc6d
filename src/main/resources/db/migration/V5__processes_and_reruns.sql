-- Which thidua process runs which job execution, so that an execution left STARTED by a
-- process that died can be told from one still running elsewhere (another instance).
CREATE TABLE thidua_process (
    id           TEXT PRIMARY KEY,
    host         TEXT        NOT NULL,
    pid          BIGINT      NOT NULL,
    command      TEXT        NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    stopped_at   TIMESTAMPTZ
);

CREATE TABLE job_owner (
    job_execution_id BIGINT PRIMARY KEY,
    process_id       TEXT NOT NULL REFERENCES thidua_process (id)
);

-- A rerun re-validates a stored submission: the earlier findings stay, marked superseded.
ALTER TABLE submission ADD COLUMN revalidated_at TIMESTAMPTZ;
ALTER TABLE submission_finding ADD COLUMN superseded_at TIMESTAMPTZ;
