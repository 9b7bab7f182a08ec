-- The roster in ClickHouse, for the data team's joins: schools (and the district and other orgs), classes with their
-- school and grades, and enrollments, from the compacted roster topics (learnstream.roster-orgs, -classes,
-- -enrollments, keyed <tenant>/<sourcedId>). The sinks write the *_versions tables; read the views of the same name
-- without _versions: the latest version of each record (FINAL), records removed from the roster left out.
--   * version = Kafka offset: a record's versions are on one partition (same key), the latest written wins.
--   * deleted = 1 for a tombstone (the record left the roster: a bulk import that no longer lists it, a delta
--     file's tobedeleted row). ReplacingMergeTree(version, deleted) keeps the tombstone as the latest version, so
--     FINAL shows no row for it; the views also filter deleted = 0.
-- No names of people here: users (personal data) stay on their topic; an enrollment names its user by sourcedId.

CREATE TABLE IF NOT EXISTS roster_orgs_versions
(
    tenant_id         LowCardinality(String) COMMENT 'district',
    sourced_id        String                 COMMENT 'the org''s OneRoster sourcedId (school_id in roster_classes)',
    name              String                 COMMENT 'display name, e.g. Northside Middle School',
    type              LowCardinality(String) COMMENT 'district, school, department, local, state, national or an ext: value',
    parent_sourced_id String                 COMMENT 'the parent org (a school''s district); empty for the top',
    imported_time     DateTime64(3, 'UTC')   COMMENT 'when the import that wrote the record ran (1970 for a removal)',
    deleted           UInt8                  COMMENT '1: removed from the roster (a tombstone)',
    version           UInt64                 COMMENT 'Kafka offset: the latest written wins',
    updated_at        DateTime64(3, 'UTC')   COMMENT 'when the sink wrote this version'
)
ENGINE = ReplacingMergeTree(version, deleted)
ORDER BY (tenant_id, sourced_id)
COMMENT 'The orgs of each district''s roster (the district, its schools); read the view roster_orgs.';

CREATE VIEW IF NOT EXISTS roster_orgs AS
SELECT tenant_id, sourced_id, name, type, parent_sourced_id, imported_time, updated_at
FROM roster_orgs_versions FINAL
WHERE deleted = 0;

CREATE TABLE IF NOT EXISTS roster_classes_versions
(
    tenant_id     LowCardinality(String)        COMMENT 'district',
    class_id      String                        COMMENT 'the class''s OneRoster sourcedId: class_id of the risk and alert tables, course_id of engagement and mastery when the class was found',
    title         String                        COMMENT 'display name, e.g. Mathematics 7, section 2',
    class_code    String                        COMMENT 'the district''s code of the class; empty when not given',
    course_id     String                        COMMENT 'the roster course the class is a section of (its sourcedId)',
    school_id     String                        COMMENT 'the school (roster_orgs.sourced_id) it is taught at',
    term_ids      Array(String)                 COMMENT 'the academic sessions (sourcedIds) it runs in',
    grades        Array(LowCardinality(String)) COMMENT 'the grade levels it is for, as the export writes them (CEDS: 06, 07, KG, ...); empty when not given',
    imported_time DateTime64(3, 'UTC')          COMMENT 'when the import that wrote the record ran (1970 for a removal)',
    deleted       UInt8                         COMMENT '1: removed from the roster (a tombstone)',
    version       UInt64                        COMMENT 'Kafka offset: the latest written wins',
    updated_at    DateTime64(3, 'UTC')          COMMENT 'when the sink wrote this version'
)
ENGINE = ReplacingMergeTree(version, deleted)
ORDER BY (tenant_id, class_id)
COMMENT 'The classes of each district''s roster, with school and grades; read the view roster_classes.';

CREATE VIEW IF NOT EXISTS roster_classes AS
SELECT tenant_id, class_id, title, class_code, course_id, school_id, term_ids, grades, imported_time, updated_at
FROM roster_classes_versions FINAL
WHERE deleted = 0;

CREATE TABLE IF NOT EXISTS roster_enrollments_versions
(
    tenant_id       LowCardinality(String) COMMENT 'district',
    sourced_id      String                 COMMENT 'the enrollment''s OneRoster sourcedId',
    class_id        String                 COMMENT 'the class (roster_classes.class_id)',
    user_sourced_id String                 COMMENT 'the user enrolled (roster user sourcedId; teacher_ids of alerts name teachers so)',
    school_id       String                 COMMENT 'the school of the class',
    role            LowCardinality(String) COMMENT 'administrator, proctor, student, teacher or an ext: value',
    is_primary      UInt8                  COMMENT 'for a teacher, 1 for the class''s primary teacher, 0 for a co-teacher',
    begin_date      Nullable(Date)         COMMENT 'the first day of the enrollment; NULL when not given',
    end_date        Nullable(Date)         COMMENT 'the last day of the enrollment; NULL when not given',
    imported_time   DateTime64(3, 'UTC')   COMMENT 'when the import that wrote the record ran (1970 for a removal)',
    deleted         UInt8                  COMMENT '1: removed from the roster (a tombstone)',
    version         UInt64                 COMMENT 'Kafka offset: the latest written wins',
    updated_at      DateTime64(3, 'UTC')   COMMENT 'when the sink wrote this version'
)
ENGINE = ReplacingMergeTree(version, deleted)
ORDER BY (tenant_id, sourced_id)
COMMENT 'The enrollments (students, teachers) of each district''s roster classes; read the view roster_enrollments.';

CREATE VIEW IF NOT EXISTS roster_enrollments AS
SELECT tenant_id, sourced_id, class_id, user_sourced_id, school_id, role, is_primary, begin_date, end_date, imported_time, updated_at
FROM roster_enrollments_versions FINAL
WHERE deleted = 0;
