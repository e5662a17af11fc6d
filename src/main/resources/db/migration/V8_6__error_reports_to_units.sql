-- Error reports reach their unit (issue 11): a rejected file that names a unit the scheme
-- of its period knows has its error report copied into that unit's outbox folder
-- (OUTBOX/units/<UNIT>/<P>/) and, with SMTP and the unit's Email (scheme, sheet Đơn vị),
-- e-mailed to it, once. report_due: recorded so, not yet given to the unit; rows from
-- before are not due (their units were never promised a copy).
ALTER TABLE submission ADD COLUMN report_due BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX submission_report_due ON submission (id) WHERE report_due;

-- A unit's delivery carries the error report of one submission (never two deliveries of
-- the same one) and its e-mail's subject and body, written when it is recorded; null for
-- the leaders' deliveries of a consolidation's outputs.
ALTER TABLE delivery ADD COLUMN submission_id BIGINT UNIQUE REFERENCES submission (id);
ALTER TABLE delivery ADD COLUMN email_subject TEXT;
ALTER TABLE delivery ADD COLUMN email_body TEXT;
