-- Delivery of the outputs to the recipients of the configuration (OPERATIONS.md, Distribution).

-- One row per recipient each time a consolidation gave it something new: the set of
-- files delivered together (version 1, 2… per recipient and period) and, when SMTP is
-- configured and the recipient has an address, the e-mail that carries them.
-- email_status NULL: outbox only. PENDING: to be sent (again); SENDING: claimed by a
-- sender (taken back as PENDING after thidua.delivery.sending-lease); SENT: accepted
-- by the SMTP server. attempts counts the claims; last_error is the latest failure.
CREATE TABLE delivery (
    id               BIGSERIAL PRIMARY KEY,
    recipient_key    TEXT        NOT NULL,
    recipient_name   TEXT        NOT NULL,
    period_code      TEXT        NOT NULL,
    version          INTEGER     NOT NULL,
    job_execution_id BIGINT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    email_address    TEXT,
    email_status     TEXT CHECK (email_status IN ('PENDING', 'SENDING', 'SENT')),
    message_id       TEXT UNIQUE,
    attempts         INTEGER     NOT NULL DEFAULT 0,
    last_error       TEXT,
    claimed_at       TIMESTAMPTZ,
    sent_at          TIMESTAMPTZ,
    UNIQUE (recipient_key, period_code, version),
    CHECK ((email_status IS NULL) = (email_address IS NULL)),
    CHECK ((email_status IS NULL) = (message_id IS NULL))
);
CREATE INDEX delivery_email_open ON delivery (id) WHERE email_status IN ('PENDING', 'SENDING');

-- Every file version put in a recipient's outbox: never overwritten, never deleted.
-- "Identical" is decided on fingerprint (content without the writers' time stamps, see
-- thidua.delivery.Fingerprint); sha256 is of the bytes in the outbox.
CREATE TABLE delivery_file (
    id            BIGSERIAL PRIMARY KEY,
    delivery_id   BIGINT      NOT NULL REFERENCES delivery (id),
    recipient_key TEXT        NOT NULL,
    period_code   TEXT        NOT NULL,
    output_name   TEXT        NOT NULL,
    version       INTEGER     NOT NULL,
    file_name     TEXT        NOT NULL,
    outbox_path   TEXT        NOT NULL,
    sha256        CHAR(64)    NOT NULL,
    fingerprint   CHAR(64)    NOT NULL,
    size_bytes    BIGINT      NOT NULL,
    delivered_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (recipient_key, period_code, output_name, version)
);
CREATE INDEX delivery_file_delivery ON delivery_file (delivery_id);
