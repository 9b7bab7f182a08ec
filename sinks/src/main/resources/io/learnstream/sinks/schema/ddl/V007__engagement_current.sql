-- Engagement to date per student and course: an AggregatingMergeTree the materialized view engagement_current_mv
-- feeds from every insert into engagement_daily_versions, read through the view engagement_current.
--
-- Why not sum the daily rows as they arrive: engagement_daily_versions receives every version of a day (each update
-- of the day's figures, and the same version again after a sink replay), so a sum over inserts would count a day
-- once per version. Instead the state keeps, per day, the figures of the day's highest version: maxMap over the day
-- of (version * 2^64 + the figure's 64 bits). The version decides the maximum; the low 64 bits carry the figure
-- (events and sessions as Int64 bits, active_minutes as Float64 bits). maxMap is idempotent (the same version again
-- changes nothing) and exact, so replays, restarts and a day whose update arrives after a later day never double
-- count, and a day whose sessions moved to another day (its figures fell to 0) stops counting.
CREATE TABLE IF NOT EXISTS engagement_current_state
(
    tenant_id   LowCardinality(String) COMMENT 'district',
    course_id   LowCardinality(String) COMMENT 'course or class IRI (the roster class sourcedId when a class was found)',
    student_key String                 COMMENT 'pseudonymous student key (HMAC of the learner id)',
    days        SimpleAggregateFunction(maxMap, Tuple(Array(Date), Array(UInt128), Array(UInt128), Array(UInt128)))
                                       COMMENT 'per UTC day: (version * 2^64 + bits of events, ... of sessions, ... of active_minutes); decoded by the view engagement_current',
    updated_at  SimpleAggregateFunction(max, DateTime64(3, 'UTC')) COMMENT 'when the sink last wrote a day of the student'
)
ENGINE = AggregatingMergeTree
ORDER BY (tenant_id, course_id, student_key)
COMMENT 'Engagement to date per student and course (state of the view engagement_current); fed by engagement_current_mv.';

CREATE MATERIALIZED VIEW IF NOT EXISTS engagement_current_mv TO engagement_current_state AS
SELECT tenant_id, course_id, student_key,
       maxMap(([day],
               [bitShiftLeft(toUInt128(version), 64) + reinterpretAsUInt64(events)],
               [bitShiftLeft(toUInt128(version), 64) + reinterpretAsUInt64(toInt64(sessions))],
               [bitShiftLeft(toUInt128(version), 64) + reinterpretAsUInt64(active_minutes)])) AS days,
       max(updated_at) AS updated_at
FROM engagement_daily_versions
GROUP BY tenant_id, course_id, student_key;

-- What a store held before this version: the same states the view would have made (maxMap: writing them again, or
-- alongside the view's own, changes nothing).
INSERT INTO engagement_current_state
SELECT tenant_id, course_id, student_key,
       maxMap(([day],
               [bitShiftLeft(toUInt128(version), 64) + reinterpretAsUInt64(events)],
               [bitShiftLeft(toUInt128(version), 64) + reinterpretAsUInt64(toInt64(sessions))],
               [bitShiftLeft(toUInt128(version), 64) + reinterpretAsUInt64(active_minutes)])) AS days,
       max(updated_at) AS updated_at
FROM engagement_daily_versions
GROUP BY tenant_id, course_id, student_key;

-- What data teams query: one row per student and course, the figures of every day with activity summed.
CREATE VIEW IF NOT EXISTS engagement_current AS
SELECT tenant_id, course_id, student_key,
       toUInt32(count())                 AS active_days,
       min(day)                          AS first_active_day,
       max(day)                          AS last_active_day,
       sum(day_events)                   AS events,
       sum(day_sessions)                 AS sessions,
       sum(day_minutes)                  AS active_minutes,
       any(last_written)                 AS updated_at
FROM
(
    SELECT tenant_id, course_id, student_key, merged.1 AS day_list, merged.2 AS event_bits, merged.3 AS session_bits,
           merged.4 AS minute_bits, last_written
    FROM
    (
        SELECT tenant_id, course_id, student_key, maxMap(days) AS merged, max(updated_at) AS last_written
        FROM engagement_current_state
        GROUP BY tenant_id, course_id, student_key
    )
)
ARRAY JOIN day_list AS day,
           arrayMap(x -> reinterpretAsInt64(toUInt64(bitAnd(x, toUInt128('18446744073709551615')))), event_bits) AS day_events,
           arrayMap(x -> toInt32(reinterpretAsInt64(toUInt64(bitAnd(x, toUInt128('18446744073709551615'))))), session_bits) AS day_sessions,
           arrayMap(x -> reinterpretAsFloat64(toUInt64(bitAnd(x, toUInt128('18446744073709551615')))), minute_bits) AS day_minutes
WHERE day_events > 0
GROUP BY tenant_id, course_id, student_key;
