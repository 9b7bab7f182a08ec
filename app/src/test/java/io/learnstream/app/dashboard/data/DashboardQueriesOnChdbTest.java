package io.learnstream.app.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.schemas.avro.StudentCourseDay;
import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.engagement.EngagementDailyRows;
import io.learnstream.sinks.kafka.RowMapper;
import io.learnstream.sinks.risk.RiskScoreRows;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's queries on chDB over rows the sinks' row mappers made: the current risk and the engagement days are
 * the latest version of each row (as the views show them), whatever order the versions were written in and however
 * often, and of the asked district, class and student only.
 */
class DashboardQueriesOnChdbTest {
    private static final Clock SINK_CLOCK = Clock.fixed(Instant.parse("2026-10-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String DISTRICT = "riverside";
    private static final String CLASS = "math-7a";
    private static final Instant MONDAY = Instant.parse("2026-09-14T12:00:00Z");
    private static final Instant TUESDAY = MONDAY.plusSeconds(86_400);

    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    static DashboardQueries queries;

    @BeforeAll
    static void openStoreAndWriteAClass() {
        store = ChdbColumnStore.open(dataDir);
        ClickHouseSchema.apply(store);
        queries = new DashboardQueries(store);
        RiskScoreRows current = RiskScoreRows.current(SINK_CLOCK);
        RiskScoreRows history = RiskScoreRows.history(SINK_CLOCK);
        List<RiskScore> scores = List.of(
                score(DISTRICT, CLASS, "st-rising", MONDAY, 0.2, false),
                score(DISTRICT, CLASS, "st-rising", TUESDAY, 0.8, true, reason("silence", "no activity for 9 days")),
                score(DISTRICT, CLASS, "st-late", TUESDAY, 0.3, false),
                score(DISTRICT, CLASS, "st-late", MONDAY, 0.9, true, reason("silence", "an earlier moment, recomputed late")),
                score(DISTRICT, "art-2", "st-rising", TUESDAY, 0.99, true, reason("missed", "4 assignments missed")),
                score("elsewhere", CLASS, "st-rising", TUESDAY, 0.97, true, reason("missed", "another district's")));
        for (int written = 0; written < 2; written++) { // a batch written twice leaves the same rows
            insert(current, scores);
            insert(history, scores);
        }
        EngagementDailyRows engagement = new EngagementDailyRows(SINK_CLOCK);
        LocalDate monday = LocalDate.of(2026, 9, 14);
        List<EngagementDaily> days = List.of(
                new EngagementDaily(DISTRICT, "st-rising", CLASS, monday, 10L, 1, 20.0),
                new EngagementDaily(DISTRICT, "st-rising", CLASS, monday, 14L, 2, 30.0), // the day's later update
                new EngagementDaily(DISTRICT, "st-rising", "art-2", monday, 5L, 1, 7.5), // another course, the same day
                new EngagementDaily(DISTRICT, "st-rising", CLASS, monday.plusDays(1), 3L, 1, 4.0),
                new EngagementDaily(DISTRICT, "st-rising", CLASS, monday.plusDays(1), 0L, 0, 0.0), // its events retracted
                new EngagementDaily(DISTRICT, "st-late", CLASS, monday, 99L, 9, 99.0),
                new EngagementDaily("elsewhere", "st-rising", CLASS, monday, 77L, 7, 77.0));
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int offset = 0; offset < days.size(); offset++) {
            EngagementDaily day = days.get(offset);
            rows.add(engagement.row(new StudentCourseDay(day.getTenantId(), day.getStudentKey(), day.getCourseId(), day.getDay()), day, offset));
        }
        store.insert(engagement.table(), engagement.columns(), rows);
    }

    @AfterAll
    static void close() {
        if (store != null) store.close();
    }

    @Test
    void shouldListAClassesStudentsByTheirNewestScoreFlaggedFirstWhateverOrderTheScoresCameIn() {
        List<StudentRisk> students = queries.students(DISTRICT, CLASS);

        assertThat(students).extracting(StudentRisk::studentKey).containsExactly("st-rising", "st-late");
        assertThat(students.get(0).probability()).isEqualTo(0.8);
        assertThat(students.get(0).reasons()).containsExactly("no activity for 9 days");
        assertThat(students.get(0).asOf()).isEqualTo(TUESDAY);
        assertThat(students.get(1).probability()).as("the later moment's score, though written first").isEqualTo(0.3);
        assertThat(students.get(1).flagged()).isFalse();
    }

    @Test
    void shouldCountEachClassesScoredAndFlaggedStudentsOnceWithTheFlaggedOnesReasons() {
        Map<String, ClassRisk> risk = queries.classRisk(DISTRICT, List.of(CLASS, "art-2", "no-scores-yet"));

        assertThat(risk).containsOnlyKeys(CLASS, "art-2");
        assertThat(risk.get(CLASS).students()).isEqualTo(2);
        assertThat(risk.get(CLASS).flagged()).isEqualTo(1);
        assertThat(risk.get(CLASS).meanProbability()).isCloseTo(0.55, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(risk.get(CLASS).topFactors()).containsExactly("silence");
        assertThat(risk.get("art-2").topFactors()).containsExactly("missed");
    }

    @Test
    void shouldGiveTheLiveIndicatorTheSameFiguresAsTheClassListsQuery() {
        for (String classId : List.of(CLASS, "art-2")) {
            assertThat(ClassRisk.of(classId, queries.scoredStudents(DISTRICT, classId))).isEqualTo(queries.classRisk(DISTRICT, List.of(classId)).get(classId));
        }
    }

    @Test
    void shouldShowAStudentsEngagementAsEachDaysLatestFiguresSummedOverTheirCoursesAndTheirRiskTrendOncePerMoment() {
        StudentDetail detail = queries.student(DISTRICT, CLASS, "st-rising");

        assertThat(detail.engagement()).containsExactly(new StudentDetail.EngagementDay(LocalDate.of(2026, 9, 14), 19, 37.5));
        assertThat(detail.riskTrend()).containsExactly(new StudentDetail.RiskPoint(MONDAY, 0.2), new StudentDetail.RiskPoint(TUESDAY, 0.8));
        assertThat(detail.risk()).map(StudentRisk::probability).contains(0.8);
    }

    private static void insert(RowMapper<String, RiskScore> rows, List<RiskScore> scores) {
        List<List<Object>> made = new java.util.ArrayList<>();
        for (int offset = 0; offset < scores.size(); offset++) {
            RiskScore score = scores.get(offset);
            made.add(rows.row(score.getTenantId() + "/" + score.getClassId(), score, offset));
        }
        store.insert(rows.table(), rows.columns(), made);
    }

    private static RiskScore score(String tenant, String classId, String student, Instant asOf, double probability, boolean flagged,
            RiskReason... reasons) {
        return RiskScore.newBuilder().setTenantId(tenant).setClassId(classId).setStudentKey(student).setAsOf(asOf).setDayOfClass(14)
                .setProbability(probability).setFlagged(flagged).setReasons(List.of(reasons)).setFeatures(Map.of()).setTrigger("event")
                .setModelVersion(1).build();
    }

    private static RiskReason reason(String factor, String text) {
        return RiskReason.newBuilder().setFactor(factor).setText(text).setValue(1).setContribution(1).build();
    }
}
