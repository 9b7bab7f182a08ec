-- Mastery (knowledge tracing per skill): the predictions each model made before an answer, every update of a
-- student's mastery of a skill, the current mastery per student and skill, and each student's summary. The sinks
-- write the *_versions tables; data teams and dashboards read the views of the same name without _versions, which
-- show the latest version of every row (FINAL). The same sink record written again (a replay, a sink restart
-- between insert and commit) is the same row with the same version: harmless.
--
-- Newest wins, two ways:
--   * mastery_predictions_versions, mastery_history_versions: one row per answer (and skill). A late answer of the
--     student re-sequences what came after it, and the streams re-send those rows with the same event_id. A re-send
--     is on the same partition (same key) at a higher offset: version = Kafka offset.
--   * mastery_current_versions, student_mastery_versions: one row per student (and skill), the latest state. A
--     re-sequenced late answer re-sends updates of older answers after newer ones, so the highest offset is not
--     always the newest state. version = (answer time in ms since 1970) * 2^64 + Kafka offset, a UInt128 the
--     table computes from the answer time and kafka_offset: the newest answer wins, and of the records of the same
--     answer time (a re-sent update of that answer) the one written last. Exact (no bits of time or offset lost);
--     times before 1970 count as 1970.

-- Every prediction: for each scored answer, each model's P(correct) made before the answer, and the outcome.
-- Partitioned by the answer's month: an answer's event time never changes, so every version of one event_id lies
-- in one partition (ReplacingMergeTree replaces within a partition only).
CREATE TABLE IF NOT EXISTS mastery_predictions_versions
(
    tenant_id          LowCardinality(String)                 COMMENT 'district',
    student_key        String                                 COMMENT 'pseudonymous student key (HMAC of the learner id)',
    event_id           String                                 COMMENT 'the answer (learning event id)',
    course_id          LowCardinality(String)                 COMMENT 'course or class IRI of the answer',
    item_id            String                                 COMMENT 'the item (question) answered',
    skills             Array(LowCardinality(String))          COMMENT 'the skills the item practises',
    event_time         DateTime64(3, 'UTC')                   COMMENT 'when the student answered',
    correct            UInt8                                  COMMENT 'the outcome: 1 correct, 0 not',
    predictions        Map(LowCardinality(String), Float64)   COMMENT 'model name (bkt, logistic, ...) to P(correct) predicted before the answer',
    parameters_version Int64                                  COMMENT 'the model parameter publication the predictions used (0: the built-in defaults)',
    version            UInt64                                 COMMENT 'Kafka offset: the highest (the latest re-send of the answer) wins',
    updated_at         DateTime64(3, 'UTC')                   COMMENT 'when the sink wrote this version'
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(event_time)
ORDER BY (tenant_id, student_key, event_id)
COMMENT 'Each model''s prediction before every scored answer, and the outcome; read the view mastery_predictions.';

CREATE VIEW IF NOT EXISTS mastery_predictions AS
SELECT tenant_id, student_key, event_id, course_id, item_id, skills, event_time, correct, predictions,
       parameters_version, updated_at
FROM mastery_predictions_versions FINAL;

-- Every mastery update: a student's mastery of one skill after each answer, one row per answer and skill.
-- Not partitioned: the answer time is not part of the row's identity, so no time can split its versions.
CREATE TABLE IF NOT EXISTS mastery_history_versions
(
    tenant_id        LowCardinality(String)                               COMMENT 'district',
    student_key      String                                               COMMENT 'pseudonymous student key',
    skill_id         LowCardinality(String)                               COMMENT 'the skill''s IRI or id as the tool or the mapping names it',
    event_id         String                                               COMMENT 'the answer that made this update',
    course_id        LowCardinality(String)                               COMMENT 'course of that answer',
    p_mastery        Float64                                              COMMENT 'probability the skill is mastered after the answer (knowledge tracing)',
    attempts         Int32                                                COMMENT 'answers to items of the skill so far',
    correct          Int32                                                COMMENT 'of those, correct',
    last_answer_time DateTime64(3, 'UTC')                                 COMMENT 'event time of the latest answer',
    mastered         UInt8                                                COMMENT '1 when p_mastery is at or above the mastery threshold',
    practice         Array(Tuple(item_id String, predicted_success Float64)) COMMENT 'items to practise next when not mastered, with the student''s predicted success',
    version          UInt64                                               COMMENT 'Kafka offset: the highest (the latest re-send of the answer''s update) wins',
    updated_at       DateTime64(3, 'UTC')                                 COMMENT 'when the sink wrote this version'
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (tenant_id, student_key, skill_id, event_id)
COMMENT 'Every update of a student''s mastery of a skill, one per answer; read the view mastery_history.';

CREATE VIEW IF NOT EXISTS mastery_history AS
SELECT tenant_id, student_key, skill_id, event_id, course_id, p_mastery, attempts, correct, last_answer_time,
       mastered, practice, updated_at
FROM mastery_history_versions FINAL;

-- The current mastery per student and skill: the update of the student's newest answer.
CREATE TABLE IF NOT EXISTS mastery_current_versions
(
    tenant_id        LowCardinality(String)                               COMMENT 'district',
    student_key      String                                               COMMENT 'pseudonymous student key',
    skill_id         LowCardinality(String)                               COMMENT 'the skill''s IRI or id',
    course_id        LowCardinality(String)                               COMMENT 'course of the latest answer',
    event_id         String                                               COMMENT 'the latest answer, whose update this is',
    p_mastery        Float64                                              COMMENT 'probability the skill is mastered',
    attempts         Int32                                                COMMENT 'answers to items of the skill',
    correct          Int32                                                COMMENT 'of those, correct',
    last_answer_time DateTime64(3, 'UTC')                                 COMMENT 'event time of the latest answer',
    mastered         UInt8                                                COMMENT '1 when p_mastery is at or above the mastery threshold',
    practice         Array(Tuple(item_id String, predicted_success Float64)) COMMENT 'items to practise next when not mastered',
    kafka_offset     UInt64                                               COMMENT 'Kafka offset of the update',
    version          UInt128 MATERIALIZED bitShiftLeft(toUInt128(greatest(toUnixTimestamp64Milli(last_answer_time), 0)), 64) + kafka_offset
                                                                          COMMENT 'answer time in ms * 2^64 + kafka_offset: the newest answer wins, then the last written',
    updated_at       DateTime64(3, 'UTC')                                 COMMENT 'when the sink wrote this version'
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (tenant_id, student_key, skill_id)
COMMENT 'Each student''s current mastery of each skill (of the newest answer); read the view mastery_current.';

CREATE VIEW IF NOT EXISTS mastery_current AS
SELECT tenant_id, student_key, skill_id, course_id, event_id, p_mastery, attempts, correct, last_answer_time,
       mastered, practice, updated_at
FROM mastery_current_versions FINAL;

-- Each student's summary: strengths, weaknesses and what to practise next, as of the newest answer.
CREATE TABLE IF NOT EXISTS student_mastery_versions
(
    tenant_id    LowCardinality(String) COMMENT 'district',
    student_key  String                 COMMENT 'pseudonymous student key',
    strengths    Array(Tuple(skill_id LowCardinality(String), p_mastery Float64, attempts Int32, correct Int32))
                                        COMMENT 'skills mastered, highest p_mastery first',
    weaknesses   Array(Tuple(skill_id LowCardinality(String), p_mastery Float64, attempts Int32, correct Int32))
                                        COMMENT 'skills attempted and not mastered, lowest p_mastery first',
    practice     Array(Tuple(skill_id LowCardinality(String), item_id String, predicted_success Float64))
                                        COMMENT 'for each weak skill, items whose predicted success is nearest the practice target',
    updated_time DateTime64(3, 'UTC')   COMMENT 'event time of the latest answer',
    kafka_offset UInt64                 COMMENT 'Kafka offset of the summary',
    version      UInt128 MATERIALIZED bitShiftLeft(toUInt128(greatest(toUnixTimestamp64Milli(updated_time), 0)), 64) + kafka_offset
                                        COMMENT 'answer time in ms * 2^64 + kafka_offset: the newest answer wins, then the last written',
    updated_at   DateTime64(3, 'UTC')   COMMENT 'when the sink wrote this version'
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (tenant_id, student_key)
COMMENT 'Each student''s strengths, weaknesses and practice items (of the newest answer); read the view student_mastery.';

CREATE VIEW IF NOT EXISTS student_mastery AS
SELECT tenant_id, student_key, strengths, weaknesses, practice, updated_time, updated_at
FROM student_mastery_versions FINAL;
