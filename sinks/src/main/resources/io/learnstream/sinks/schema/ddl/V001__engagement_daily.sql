-- Engagement per student, course and (UTC) day. The streams topology sends an update whenever a day's figures
-- change; the sink writes every update with the Kafka offset as its version, and ReplacingMergeTree keeps the
-- latest version of each day. Replays and sink restarts write the same versions again: harmless.
CREATE TABLE IF NOT EXISTS engagement_daily_versions
(
    tenant_id      LowCardinality(String) COMMENT 'district',
    course_id      String                 COMMENT 'course or class IRI',
    student_key    String                 COMMENT 'pseudonymous student key (HMAC of the learner id)',
    day            Date                   COMMENT 'UTC day of event time the sessions started on',
    events         Int64                  COMMENT 'learning events',
    sessions       Int32                  COMMENT 'sessions (30-minute inactivity gap) started that day',
    active_minutes Float64                COMMENT 'sum of those sessions'' durations',
    version        UInt64                 COMMENT 'Kafka offset of the update: the highest wins',
    updated_at     DateTime64(3, 'UTC')   COMMENT 'when the sink wrote this version'
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(day)
ORDER BY (tenant_id, course_id, student_key, day);

-- What data teams query: one row per student, course and day, the latest figures.
CREATE VIEW IF NOT EXISTS engagement_daily AS
SELECT tenant_id, course_id, student_key, day, events, sessions, active_minutes, updated_at
FROM engagement_daily_versions FINAL
WHERE events > 0;
