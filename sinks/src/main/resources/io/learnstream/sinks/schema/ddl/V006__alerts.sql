-- Alerts (a student of a class flagged for a reason, addressed to the class's teachers) and the teachers' answers to
-- them. The sinks write the *_versions tables; read the views of the same name without _versions (FINAL).
--   * alerts_versions: one row per alert_id, its latest status. The topic learnstream.alerts is compacted and keyed
--     by alert id, each status change a new value on the alert's partition: version = Kafka offset, the latest
--     status written wins. A tombstone (none is written today) would leave the row as it was.
--   * alert_feedback_versions: one row per answer (alert, action, who, when); the same record written again is the
--     same row. version = Kafka offset.

CREATE TABLE IF NOT EXISTS alerts_versions
(
    alert_id        String                                 COMMENT '<tenant>/<classId>/<studentKey>/<factor>/<raised epoch millis>',
    tenant_id       LowCardinality(String)                 COMMENT 'district',
    class_id        LowCardinality(String)                 COMMENT 'the roster class (sourcedId)',
    student_key     String                                 COMMENT 'pseudonymous student key',
    factor          LowCardinality(String)                 COMMENT 'the reason the alert is about (the top factor when raised)',
    text            String                                 COMMENT 'one sentence for the teacher: the risk and its reasons',
    reasons         Array(Tuple(factor LowCardinality(String), text String, value Float64, contribution Float64))
                                                           COMMENT 'the factors raising risk most when raised, largest first',
    probability     Float64                                COMMENT 'probability of failing or withdrawing when raised',
    teacher_ids     Array(String)                          COMMENT 'the teachers it is addressed to (roster user sourcedIds), primary first',
    teacher_primary Array(UInt8)                           COMMENT 'for each of teacher_ids, 1 for a primary teacher, 0 for a co-teacher',
    status          LowCardinality(String)                 COMMENT 'open, acknowledged, dismissed or cleared (the flag went below the low threshold)',
    raised_time     DateTime64(3, 'UTC')                   COMMENT 'event time it was raised',
    closed_time     Nullable(DateTime64(3, 'UTC'))         COMMENT 'when it was acknowledged, dismissed or cleared; NULL while open',
    closed_by       Nullable(String)                       COMMENT 'who acknowledged or dismissed it; NULL otherwise',
    version         UInt64                                 COMMENT 'Kafka offset: the highest (the latest status) wins',
    updated_at      DateTime64(3, 'UTC')                   COMMENT 'when the sink wrote this version'
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (tenant_id, class_id, alert_id)
COMMENT 'Every alert with its latest status; read the view alerts.';

CREATE VIEW IF NOT EXISTS alerts AS
SELECT alert_id, tenant_id, class_id, student_key, factor, text, reasons, probability, teacher_ids, teacher_primary,
       status, raised_time, closed_time, closed_by, updated_at
FROM alerts_versions FINAL;

CREATE TABLE IF NOT EXISTS alert_feedback_versions
(
    tenant_id     LowCardinality(String) COMMENT 'district',
    class_id      LowCardinality(String) COMMENT 'the roster class (sourcedId) of the alert',
    alert_id      String                 COMMENT 'the alert answered',
    action        LowCardinality(String) COMMENT 'acknowledge (useful) or dismiss (not useful)',
    answered_by   String                 COMMENT 'who answered (user sourcedId or account name)',
    answered_time DateTime64(3, 'UTC')   COMMENT 'when it was answered (wall clock)',
    version       UInt64                 COMMENT 'Kafka offset',
    updated_at    DateTime64(3, 'UTC')   COMMENT 'when the sink wrote this version'
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (tenant_id, class_id, alert_id, answered_time, action, answered_by)
COMMENT 'Every answer of a teacher to an alert (labels for the risk model); read the view alert_feedback.';

CREATE VIEW IF NOT EXISTS alert_feedback AS
SELECT tenant_id, class_id, alert_id, action, answered_by, answered_time, updated_at
FROM alert_feedback_versions FINAL;
