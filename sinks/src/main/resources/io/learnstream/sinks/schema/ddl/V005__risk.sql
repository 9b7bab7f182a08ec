-- Risk (a student's risk of failing or withdrawing from a class, with its reasons): every score the risk topology
-- published, and the current score per student and class. The sinks write the *_versions tables; data teams and
-- dashboards read the views of the same name without _versions, which show the latest version of every row (FINAL).
-- The same record written again (a replay, a sink restart between insert and commit) is the same row with the same
-- version: harmless.
--
-- The topic learnstream.risk-scores is keyed <tenant>/<classId>: all scores of one class are on one partition, so
-- their offsets are in the order the topology wrote them.
--   * risk_history_versions: one row per student, class, as_of and trigger. A score re-sent for the same moment and
--     trigger replaces the earlier one: version = Kafka offset.
--   * risk_current_versions: one row per student and class, the score of the newest as_of. version = (as_of in ms
--     since 1970) * 2^64 + Kafka offset, a UInt128 the table computes: the newest as_of wins, and of records of the
--     same as_of the one written last (as mastery_current_versions). Times before 1970 count as 1970.

-- Every risk score: one per recomputation that changed it (trigger event or tick) and one per student at each week
-- boundary of the class (trigger week). Partitioned by the month of as_of: as_of is part of the row's identity, so
-- every version of a row lies in one partition (ReplacingMergeTree replaces within a partition only).
CREATE TABLE IF NOT EXISTS risk_history_versions
(
    tenant_id     LowCardinality(String)                  COMMENT 'district',
    class_id      LowCardinality(String)                  COMMENT 'the roster class (sourcedId)',
    student_key   String                                  COMMENT 'pseudonymous student key (HMAC of the learner id)',
    as_of         DateTime64(3, 'UTC')                    COMMENT 'the event time the score holds at',
    day_of_class  Int32                                   COMMENT 'whole days since the class started (negative before)',
    probability   Float64                                 COMMENT 'probability of failing or withdrawing',
    flagged       UInt8                                   COMMENT '1 when flagged (raised above the high threshold, not yet below the low one)',
    withdrawn     UInt8                                   COMMENT '1 when the student withdrew from the class',
    reasons       Array(Tuple(factor LowCardinality(String), text String, value Float64, contribution Float64))
                                                          COMMENT 'the factors raising risk most, largest first: code, plain words, value, contribution to the log-odds',
    features      Map(LowCardinality(String), Float64)    COMMENT 'every feature''s value',
    trigger       LowCardinality(String)                  COMMENT 'event, tick (time passed) or week (the weekly record)',
    model_version Int64                                   COMMENT 'the risk parameter publication that scored it',
    version       UInt64                                  COMMENT 'Kafka offset: the highest (the latest re-send) wins',
    updated_at    DateTime64(3, 'UTC')                    COMMENT 'when the sink wrote this version'
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(as_of)
ORDER BY (tenant_id, class_id, student_key, as_of, trigger)
COMMENT 'Every risk score of a student in a class, with its reasons; read the view risk_history.';

CREATE VIEW IF NOT EXISTS risk_history AS
SELECT tenant_id, class_id, student_key, as_of, day_of_class, probability, flagged, withdrawn, reasons, features,
       trigger, model_version, updated_at
FROM risk_history_versions FINAL;

-- The current risk per student and class: the score of the newest as_of.
CREATE TABLE IF NOT EXISTS risk_current_versions
(
    tenant_id     LowCardinality(String)                  COMMENT 'district',
    class_id      LowCardinality(String)                  COMMENT 'the roster class (sourcedId)',
    student_key   String                                  COMMENT 'pseudonymous student key',
    as_of         DateTime64(3, 'UTC')                    COMMENT 'the event time the score holds at',
    day_of_class  Int32                                   COMMENT 'whole days since the class started (negative before)',
    probability   Float64                                 COMMENT 'probability of failing or withdrawing',
    flagged       UInt8                                   COMMENT '1 when flagged',
    withdrawn     UInt8                                   COMMENT '1 when the student withdrew from the class',
    reasons       Array(Tuple(factor LowCardinality(String), text String, value Float64, contribution Float64))
                                                          COMMENT 'the factors raising risk most, largest first',
    features      Map(LowCardinality(String), Float64)    COMMENT 'every feature''s value',
    trigger       LowCardinality(String)                  COMMENT 'event, tick or week: what made this score',
    model_version Int64                                   COMMENT 'the risk parameter publication that scored it',
    kafka_offset  UInt64                                  COMMENT 'Kafka offset of the score',
    version       UInt128 MATERIALIZED bitShiftLeft(toUInt128(greatest(toUnixTimestamp64Milli(as_of), 0)), 64) + kafka_offset
                                                          COMMENT 'as_of in ms * 2^64 + kafka_offset: the newest as_of wins, then the last written',
    updated_at    DateTime64(3, 'UTC')                    COMMENT 'when the sink wrote this version'
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (tenant_id, class_id, student_key)
COMMENT 'Each student''s current risk in each class (of the newest as_of); read the view risk_current.';

CREATE VIEW IF NOT EXISTS risk_current AS
SELECT tenant_id, class_id, student_key, as_of, day_of_class, probability, flagged, withdrawn, reasons, features,
       trigger, model_version, updated_at
FROM risk_current_versions FINAL;
