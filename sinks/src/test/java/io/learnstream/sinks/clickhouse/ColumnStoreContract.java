package io.learnstream.sinks.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.learnstream.sinks.schema.ClickHouseSchema;
import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.ColumnStoreException;
import io.learnstream.sinks.spi.QueryResult;
import org.junit.jupiter.api.Test;

/**
 * The SQL every {@link ColumnStore} must run with the same results: the embedded engine (chDB) and a ClickHouse
 * server (JDBC) both extend this class. Values are compared as ClickHouse renders them, so the queries render
 * dates and arrays with {@code toString}/{@code arrayStringConcat} where a JDBC driver would pick its own format.
 */
public abstract class ColumnStoreContract {

    private static final AtomicInteger TABLES = new AtomicInteger();

    /** The store under test; the same for all calls within one test. */
    protected abstract ColumnStore store();

    /** A table name no other test (or earlier run on a persistent server) uses. */
    protected static String table(String purpose) {
        return purpose + "_" + TABLES.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void mergeTreeTableTakesInsertsAndAnswersSelects() {
        String t = table("statements");
        store().execute("CREATE TABLE " + t + " (learner String, course LowCardinality(String), score UInt32,"
                + " at DateTime64(3, 'UTC'), tags Array(String), note Nullable(String))"
                + " ENGINE = MergeTree ORDER BY (course, learner)");
        store().execute("INSERT INTO " + t + " VALUES ('alice', 'math', 90, '2024-05-01 10:00:00.123', ['quiz', 'video'], NULL)");
        store().insert(t, List.of("learner", "course", "score", "at", "tags", "note"), List.of(
                List.of("bob", "math", 75, Instant.parse("2024-05-01T10:00:01.500Z"), List.of("forum"), "late"),
                Arrays.asList("carol", "art", 100, Instant.parse("2024-05-02T08:30:00Z"), List.of(), null)));

        QueryResult result = store().query("SELECT learner, course, score, toString(at) AS at,"
                + " arrayStringConcat(tags, ',') AS tags, note FROM " + t + " ORDER BY learner");

        assertThat(result.columnNames()).containsExactly("learner", "course", "score", "at", "tags", "note");
        assertThat(result.columnTypes().get(0)).isEqualTo("String");
        assertThat(result.columnTypes().get(2)).isEqualTo("UInt32");
        assertThat(result.rows()).containsExactly(
                Arrays.asList("alice", "math", "90", "2024-05-01 10:00:00.123", "quiz,video", null),
                Arrays.asList("bob", "math", "75", "2024-05-01 10:00:01.500", "forum", "late"),
                Arrays.asList("carol", "art", "100", "2024-05-02 08:30:00.000", "", null));
        assertThat(store().query("SELECT count() FROM " + t + " WHERE course = 'math'").singleLong()).isEqualTo(2);
    }

    @Test
    void replacingMergeTreeWithFinalShowsTheLatestVersionPerKey() {
        String t = table("mastery");
        store().execute("CREATE TABLE " + t + " (learner String, skill String, level UInt8, version UInt64)"
                + " ENGINE = ReplacingMergeTree(version) ORDER BY (learner, skill)");
        store().execute("INSERT INTO " + t + " VALUES ('alice', 'fractions', 1, 1), ('bob', 'fractions', 2, 1)");
        store().execute("INSERT INTO " + t + " VALUES ('alice', 'fractions', 3, 2)");
        store().insert(t, List.of("learner", "skill", "level", "version"),
                List.of(List.of("bob", "fractions", 1, 0), List.of("alice", "fractions", 2, 3)));

        QueryResult latest = store().query("SELECT learner, level, version FROM " + t + " FINAL ORDER BY learner");

        assertThat(latest.rows()).containsExactly(List.of("alice", "2", "3"), List.of("bob", "2", "1"));
        assertThat(store().query("SELECT count() FROM " + t + " FINAL").singleLong()).isEqualTo(2);
    }

    @Test
    void viewsAndMaterializedViewsIntoAggregatingMergeTreeWork() {
        String events = table("events");
        String perCourse = table("per_course");
        String feed = table("per_course_mv");
        String summary = table("summary_view");
        store().execute("CREATE TABLE " + events + " (learner String, course String, seconds UInt32)"
                + " ENGINE = MergeTree ORDER BY (course, learner)");
        store().execute("CREATE TABLE " + perCourse + " (course String, events AggregateFunction(count),"
                + " learners AggregateFunction(uniqExact, String), seconds AggregateFunction(sum, UInt32))"
                + " ENGINE = AggregatingMergeTree ORDER BY course");
        store().execute("CREATE MATERIALIZED VIEW " + feed + " TO " + perCourse + " AS SELECT course,"
                + " countState() AS events, uniqExactState(learner) AS learners, sumState(seconds) AS seconds"
                + " FROM " + events + " GROUP BY course");
        store().execute("CREATE VIEW " + summary + " AS SELECT course, countMerge(events) AS events,"
                + " uniqExactMerge(learners) AS learners, sumMerge(seconds) AS seconds FROM " + perCourse
                + " GROUP BY course");

        store().insert(events, List.of("learner", "course", "seconds"), List.of(
                List.of("alice", "math", 30), List.of("bob", "math", 45), List.of("alice", "math", 15)));
        store().insert(events, List.of("learner", "course", "seconds"), List.of(List.of("carol", "art", 60)));

        QueryResult result = store().query("SELECT course, events, learners, seconds FROM " + summary + " ORDER BY course");

        assertThat(result.columnNames()).containsExactly("course", "events", "learners", "seconds");
        assertThat(result.rows()).containsExactly(List.of("art", "1", "1", "60"), List.of("math", "3", "2", "90"));
    }

    @Test
    void arraysMapsAndNamedTuplesAreInsertedFromCollectionsAndMaps() {
        String t = table("nested");
        store().execute("CREATE TABLE " + t + " (id UInt32, skills Array(LowCardinality(String)),"
                + " predictions Map(LowCardinality(String), Float64),"
                + " practice Array(Tuple(item_id String, predicted_success Float64)),"
                + " levels Array(Tuple(skill_id LowCardinality(String), p_mastery Float64, attempts Int32, correct Int32)))"
                + " ENGINE = MergeTree ORDER BY id");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("item_id", "q-1");
        item.put("predicted_success", 0.7);
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("correct", 2); // by name: the order of the map does not matter
        level.put("skill_id", "fractions");
        level.put("attempts", 3);
        level.put("p_mastery", 0.25);
        store().insert(t, List.of("id", "skills", "predictions", "practice", "levels"), List.of(
                List.of(1, List.of("fractions", "ratios"), Map.of("bkt", 0.5), List.of(item, item), List.of(level)),
                List.of(2, List.of(), Map.of(), List.of(), List.of())));

        QueryResult result = store().query("SELECT id, toString(skills) AS skills_text, toString(predictions) AS predictions_text,"
                + " toString(practice) AS practice_text, toString(levels) AS levels_text, practice.item_id[1] AS first_item,"
                + " levels[1].p_mastery AS p FROM " + t + " ORDER BY id");

        assertThat(result.rows()).containsExactly(
                List.of("1", "['fractions','ratios']", "{'bkt':0.5}", "[('q-1',0.7),('q-1',0.7)]", "[('fractions',0.25,3,2)]",
                        "q-1", "0.25"),
                List.of("2", "[]", "{}", "[]", "[]", "", "0"));
    }

    @Test
    void theClickHouseSchemaAppliesAndAppliesAgain() {
        ClickHouseSchema.apply(store());
        ClickHouseSchema.apply(store());

        for (String view : List.of("engagement_daily", "mastery_predictions", "mastery_history", "mastery_current", "student_mastery",
                "risk_history", "risk_current", "alerts", "alert_feedback")) {
            assertThat(store().query("SELECT count() FROM " + view + " WHERE tenant_id = 'no-such-district'").singleLong())
                    .as(view).isZero();
        }
    }

    @Test
    void anEmptyResultStillNamesItsColumns() {
        String t = table("empty");
        store().execute("CREATE TABLE " + t + " (id UInt64, name String) ENGINE = MergeTree ORDER BY id");

        QueryResult result = store().query("SELECT id, name FROM " + t);

        assertThat(result.columnNames()).containsExactly("id", "name");
        assertThat(result.columnTypes()).containsExactly("UInt64", "String");
        assertThat(result.isEmpty()).isTrue();
    }

    @Test
    void awkwardStringsRoundTripExactly() {
        String t = table("strings");
        store().execute("CREATE TABLE " + t + " (id UInt32, text String) ENGINE = MergeTree ORDER BY id");
        List<String> texts = List.of("it's \"quoted\"", "back\\slash", "line\nbreak\tand tab", "ünïcödé ✓ 学习", "", "\\N");
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(List.of(i, texts.get(i)));
        }
        store().insert(t, List.of("id", "text"), rows);

        assertThat(store().query("SELECT text FROM " + t + " ORDER BY id").column("text")).containsExactlyElementsOf(texts);
    }

    @Test
    void aQueryOnAMissingTableFailsWithClickHousesOwnError() {
        String missing = table("missing");

        assertThatThrownBy(() -> store().query("SELECT * FROM " + missing))
                .isInstanceOfSatisfying(ColumnStoreException.class, e -> {
                    assertThat(e.clickHouseMessage()).contains("Code: 60").contains(missing).contains("UNKNOWN_TABLE");
                    assertThat(e.errorCode()).hasValue(60);
                    assertThat(e.errorName()).hasValue("UNKNOWN_TABLE");
                    assertThat(e.sql()).hasValue("SELECT * FROM " + missing);
                });
    }

    @Test
    void malformedSqlFailsWithClickHousesSyntaxError() {
        assertThatThrownBy(() -> store().execute("SELEKT 1 FROM"))
                .isInstanceOfSatisfying(ColumnStoreException.class, e -> {
                    assertThat(e.clickHouseMessage()).contains("Syntax error");
                    assertThat(e.errorCode()).hasValue(62);
                    assertThat(e.errorName()).hasValue("SYNTAX_ERROR");
                    assertThat(e.getMessage()).contains("SELEKT 1 FROM");
                });
    }

    @Test
    void anUnknownTypeInDdlFailsWithClickHousesOwnError() {
        String t = table("bad_type");

        assertThatThrownBy(() -> store().execute("CREATE TABLE " + t + " (a NoSuchType) ENGINE = MergeTree ORDER BY a"))
                .isInstanceOfSatisfying(ColumnStoreException.class, e -> {
                    assertThat(e.clickHouseMessage()).contains("NoSuchType");
                    assertThat(e.errorName()).hasValue("UNKNOWN_TYPE");
                });
    }

    @Test
    void insertingIntoAMissingColumnFailsWithClickHousesOwnError() {
        String t = table("narrow");
        store().execute("CREATE TABLE " + t + " (id UInt32) ENGINE = MergeTree ORDER BY id");

        assertThatThrownBy(() -> store().insert(t, List.of("id", "nope"), List.of(List.of(1, 2))))
                .isInstanceOfSatisfying(ColumnStoreException.class, e ->
                        assertThat(e.clickHouseMessage()).contains("nope").contains("NO_SUCH_COLUMN_IN_TABLE"));
    }
}
