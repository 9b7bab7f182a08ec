-- Retention per district of the personal data of the LRS record (the statement and attachment archives): every row
-- carries the moment it expires, set by the sink at insert from the district's retention (RetentionPolicy:
-- stored + the district's period, or 2106-01-01 for a district kept without limit), and the table's TTL deletes it
-- when a merge sees it past that moment. Each district's rows expire on its own schedule; a change of a district's
-- period applies to what is stored after it. Rows stored before this version are kept without limit (the default).
-- Forcing the deletion now: OPTIMIZE TABLE xapi_statements FINAL.
ALTER TABLE xapi_statements
    ADD COLUMN IF NOT EXISTS expires_at DateTime('UTC') DEFAULT toDateTime('2106-01-01 00:00:00', 'UTC')
    COMMENT 'when the row expires (the TTL deletes it): stored + the district''s retention, 2106-01-01 without limit';

ALTER TABLE xapi_statements MODIFY TTL expires_at;

ALTER TABLE xapi_attachments
    ADD COLUMN IF NOT EXISTS expires_at DateTime('UTC') DEFAULT toDateTime('2106-01-01 00:00:00', 'UTC')
    COMMENT 'when the row expires (the TTL deletes it): stored of the first request carrying it + the district''s retention';

ALTER TABLE xapi_attachments MODIFY TTL expires_at;
