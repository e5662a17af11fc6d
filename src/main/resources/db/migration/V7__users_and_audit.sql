-- People who sign in to the console and the API (OPERATIONS.md, Console and API).
-- No row is shipped: the first ADMIN is created with `user add` at the server's terminal.
CREATE TABLE app_user (
    id                   BIGSERIAL PRIMARY KEY,
    login                TEXT        NOT NULL UNIQUE CHECK (login ~ '^[a-z0-9._-]{2,64}$'),
    full_name            TEXT,
    role                 TEXT        NOT NULL CHECK (role IN ('ADMIN', 'HQ', 'LEADER', 'UNIT')),
    unit_code            TEXT,
    password_hash        TEXT        NOT NULL,
    -- set whenever someone other than the user set the password: changed at the next sign-in
    must_change_password BOOLEAN     NOT NULL DEFAULT false,
    failed_attempts      INTEGER     NOT NULL DEFAULT 0,
    locked_until         TIMESTAMPTZ,
    disabled_at          TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    password_changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((role = 'UNIT') = (unit_code IS NOT NULL))
);

-- Who did what, when, to which id, from where. Append-only: the trigger refuses any change.
CREATE TABLE audit_event (
    id        BIGSERIAL PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    login     TEXT,
    action    TEXT        NOT NULL,
    target    TEXT,
    detail    TEXT,
    address   TEXT
);
CREATE INDEX audit_event_at ON audit_event (at DESC);

CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

-- Who sent a file through the console or the API, and the unit they may send for (a UNIT
-- user's upload is that unit's submission whatever the file says; a rerun keeps the rule).
ALTER TABLE submission ADD COLUMN uploaded_by TEXT;
ALTER TABLE submission ADD COLUMN sender_unit TEXT;
