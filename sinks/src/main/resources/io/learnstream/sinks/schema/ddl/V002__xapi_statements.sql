-- The raw statement archive: every xAPI statement the LRS accepted, as stored, one row per statement and
-- district, with the values GET statements filters on extracted beside it (io.learnstream.ingest.lrs.StatementIndex).
-- PERSONAL DATA: actor names, e-mail addresses and account names of students and staff. Readable only by the
-- LRS read path and whoever a district allows; analytics read the pseudonymous tables instead.
--
-- First write of an id wins. Two records with one key reach the topic only through a race of two requests; the
-- earlier one (lower offset: same key, same partition) is the statement. version = 18446744073709551615 - offset,
-- so the first write has the highest version: ReplacingMergeTree keeps it when rows with the same sorting key
-- merge (a sink replay rewrites a record with its own offset: same row, same version). Writes of one id with
-- different stored times have different sorting keys and never merge, so every read picks the highest version
-- per (tenant_id, statement_id) itself: argMax(..., version), or a check that a listed row is the winner.
--
-- Order (tenant_id, stored, statement_id): a district's statements are contiguous and in stored order, so a page
-- of a listing reads a few granules from one end; a lookup by id reads the district's range with the bloom filter
-- on statement_id skipping granules that cannot hold it. The filters use the skip indexes below.
CREATE TABLE IF NOT EXISTS xapi_statements
(
    tenant_id          LowCardinality(String) COMMENT 'district that owns the statement; ids are unique per district',
    statement_id       String                 COMMENT 'statement UUID, lower case',
    stored             DateTime64(3, 'UTC')   COMMENT 'when the LRS accepted it (the statement''s stored property)',
    timestamp          DateTime64(3, 'UTC')   COMMENT 'when the experience happened (the statement''s timestamp)',
    verb_id            String                 COMMENT 'verb IRI',
    agents             Array(String)          COMMENT 'PERSONAL DATA: identifiers (mbox:, mbox_sha1sum:, openid:, account:home|name) of the actor and of an Agent or Group object, with Group members: what the agent filter matches',
    related_agents     Array(String)          COMMENT 'PERSONAL DATA: agents plus authority, instructor, team, context agents and groups, and those of a SubStatement: what agent with related_agents=true matches',
    activities         Array(String)          COMMENT 'id of the object when it is an Activity: what the activity filter matches',
    related_activities Array(String)          COMMENT 'activities plus context activities (parent, grouping, category, other) and the object and context activities of a SubStatement',
    registration       String                 COMMENT 'context registration UUID, lower case, or empty',
    statement_ref      String                 COMMENT 'id of the statement a StatementRef object targets, lower case, or empty',
    voided_target      String                 COMMENT 'for a voiding statement (verb http://adlnet.gov/expapi/verbs/voided): the id of the statement it voids, else empty',
    content_hash       String                 COMMENT 'SHA-256 of the statement content without the properties the LRS sets: equal hashes, same statement',
    xapi_version       LowCardinality(String) COMMENT 'xAPI version of the request that carried it',
    statement          String                 COMMENT 'PERSONAL DATA: the statement as stored (JSON), with id, timestamp, stored, authority and version' CODEC(ZSTD(3)),
    version            UInt64                 COMMENT '18446744073709551615 - Kafka offset: the first write of an id has the highest version and is the statement',
    INDEX statement_id_bloom statement_id TYPE bloom_filter(0.001) GRANULARITY 1,
    INDEX verb_set verb_id TYPE set(256) GRANULARITY 1,
    INDEX agents_bloom agents TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX related_agents_bloom related_agents TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX activities_bloom activities TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX related_activities_bloom related_activities TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX registration_bloom registration TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX statement_ref_set statement_ref TYPE set(256) GRANULARITY 1,
    INDEX voided_target_set voided_target TYPE set(256) GRANULARITY 1
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (tenant_id, stored, statement_id)
SETTINGS index_granularity = 1024
COMMENT 'PERSONAL DATA. Every xAPI statement the LRS accepted, as stored, per district (the system of record for GET statements). First write of an id wins: read the highest version per (tenant_id, statement_id).';
