-- thidua's own tables. Text is stored in NFC (the readers normalise before writing).

-- Every scheme workbook ever loaded, with its original bytes: a scheme is re-read from
-- these bytes at consolidation, so the database keeps exactly what headquarters gave.
-- Loading a changed workbook for the same year marks the previous version replaced.
CREATE TABLE scheme_version (
    id               BIGSERIAL PRIMARY KEY,
    year             INTEGER     NOT NULL,
    movement         TEXT        NOT NULL,
    sha256           CHAR(64)    NOT NULL,
    source_name      TEXT        NOT NULL,
    content          BYTEA       NOT NULL,
    loaded_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    replaced_at      TIMESTAMPTZ,
    job_execution_id BIGINT
);
CREATE UNIQUE INDEX scheme_version_current_year ON scheme_version (year) WHERE replaced_at IS NULL;

-- The periods each scheme version defines; the current ones decide which scheme a submission is checked against.
CREATE TABLE scheme_period (
    scheme_version_id BIGINT NOT NULL REFERENCES scheme_version (id),
    code              TEXT   NOT NULL,
    name              TEXT   NOT NULL,
    starts_on         DATE   NOT NULL,
    ends_on           DATE   NOT NULL,
    deadline          DATE   NOT NULL,
    PRIMARY KEY (scheme_version_id, code)
);

-- Every file taken from the inbox, accepted, rejected or duplicate; never deleted.
CREATE TABLE submission (
    id                BIGSERIAL PRIMARY KEY,
    sha256            CHAR(64)    NOT NULL,
    original_name     TEXT        NOT NULL,
    stored_path       TEXT        NOT NULL,
    size_bytes        BIGINT      NOT NULL,
    arrived_at        TIMESTAMPTZ NOT NULL,
    imported_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    status            TEXT        NOT NULL CHECK (status IN ('ACCEPTED', 'REJECTED', 'DUPLICATE')),
    unit_code         TEXT,
    period_code       TEXT,
    scheme_version_id BIGINT REFERENCES scheme_version (id),
    duplicate_of      BIGINT REFERENCES submission (id),
    job_execution_id  BIGINT
);
-- A byte-identical file is imported once; later copies are recorded as DUPLICATE.
CREATE UNIQUE INDEX submission_sha256_once ON submission (sha256) WHERE status <> 'DUPLICATE';
CREATE INDEX submission_unit_period ON submission (period_code, unit_code, status);

CREATE TABLE submission_value (
    submission_id  BIGINT  NOT NULL REFERENCES submission (id),
    indicator_code TEXT    NOT NULL,
    current_value  NUMERIC NOT NULL,
    baseline_value NUMERIC,
    current_cell   TEXT    NOT NULL,
    baseline_cell  TEXT    NOT NULL,
    PRIMARY KEY (submission_id, indicator_code)
);

-- Errors (which reject the file) and warnings (which do not), each with its place in the workbook.
CREATE TABLE submission_finding (
    id            BIGSERIAL PRIMARY KEY,
    submission_id BIGINT NOT NULL REFERENCES submission (id),
    severity      TEXT   NOT NULL CHECK (severity IN ('ERROR', 'WARNING')),
    code          TEXT   NOT NULL,
    sheet         TEXT   NOT NULL,
    cell          TEXT   NOT NULL,
    message       TEXT   NOT NULL
);
CREATE INDEX submission_finding_submission ON submission_finding (submission_id);

-- Each consolidation of a period and the standing it gave each unit, for audit and for
-- knowing whether newer submissions arrived since.
CREATE TABLE consolidation (
    id                   BIGSERIAL PRIMARY KEY,
    period_code          TEXT        NOT NULL,
    scheme_version_id    BIGINT      NOT NULL REFERENCES scheme_version (id),
    consolidated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    out_dir              TEXT        NOT NULL,
    last_submission_id   BIGINT,
    job_execution_id     BIGINT
);

CREATE TABLE unit_result (
    consolidation_id BIGINT NOT NULL REFERENCES consolidation (id),
    unit_code        TEXT   NOT NULL,
    block_code       TEXT   NOT NULL,
    status           TEXT   NOT NULL,
    total            NUMERIC(14, 2),
    rank             INTEGER,
    grade            TEXT   NOT NULL,
    award            TEXT   NOT NULL,
    PRIMARY KEY (consolidation_id, unit_code)
);
