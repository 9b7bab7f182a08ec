-- Attachment data the LRS keeps: the raw octets of every attachment a district sent as a part of a multipart/mixed
-- statement request, one row per district and SHA-2 (content addressed: the same data sent again is the same row),
-- read by GET statements with attachments=true (io.learnstream.sinks.lrs.ClickHouseAttachmentArchive).
-- PERSONAL DATA: essays, recordings, certificates, signatures of students and staff. Readable only by the LRS read
-- path and whoever a district allows.
--
-- The sink inserts the data as base64 text (content_base64: JSON rows cannot carry raw octets); the table keeps the
-- octets themselves in content. version = 18446744073709551615 - offset as in xapi_statements: of several records of
-- one key (a race of two requests, or a sink replay) the first one written is kept when rows merge; reads take
-- argMax(..., version) per sha2.
CREATE TABLE IF NOT EXISTS xapi_attachments
(
    tenant_id      LowCardinality(String) COMMENT 'district that sent the data; attachment data is per district',
    sha2           String                 COMMENT 'hex SHA-2 of the data, lower case, as the statements'' attachments declare it',
    content_type   String                 COMMENT 'Internet media type of the data (the part''s Content-Type, else the attachment''s contentType)',
    length         UInt64                 COMMENT 'length of the data in octets',
    content_base64 String EPHEMERAL       COMMENT 'what the sink inserts: the data in base64; not stored',
    content        String DEFAULT base64Decode(content_base64) COMMENT 'PERSONAL DATA: the raw octets of the attachment' CODEC(ZSTD(3)),
    stored         DateTime64(3, 'UTC')   COMMENT 'when the LRS accepted the request that carried it',
    version        UInt64                 COMMENT '18446744073709551615 - Kafka offset: the first write of a key has the highest version'
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (tenant_id, sha2)
COMMENT 'PERSONAL DATA. The attachment data of xAPI statements, per district and SHA-2, for GET statements with attachments=true.';
