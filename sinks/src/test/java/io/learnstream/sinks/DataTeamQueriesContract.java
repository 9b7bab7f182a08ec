package io.learnstream.sinks;

import static io.learnstream.sinks.risk.RiskRecords.SINK_CLOCK;
import static io.learnstream.sinks.risk.RiskRecords.at;
import static io.learnstream.sinks.risk.RiskRecords.classKey;
import static io.learnstream.sinks.risk.RiskRecords.score;
import static io.learnstream.sinks.risk.RiskRecords.write;
import static io.learnstream.sinks.roster.RosterRecords.rosterClass;
import static io.learnstream.sinks.roster.RosterRecords.school;
import static io.learnstream.sinks.roster.RosterRecords.teacher;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterOrg;
import io.learnstream.schemas.avro.SkillMastery;
import io.learnstream.sinks.engagement.EngagementDailyRows;
import io.learnstream.sinks.mastery.MasteryCurrentRows;
import io.learnstream.sinks.risk.RiskScoreRows;
import io.learnstream.sinks.roster.RosterRecords;
import io.learnstream.sinks.roster.RosterRows;
import io.learnstream.sinks.schema.ClickHouseSchema;
import io.learnstream.sinks.spi.ColumnStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The queries of the README's "Data team queries" section, run as written over rows the sinks' own mappers wrote:
 * district {@code district-7} with schools {@code northside} and {@code southside}, a class the roster removed, and
 * another district with the same ids. The store is given by the subclass (chDB, or a ClickHouse server); the schema
 * is applied by {@link #applySchemaAndWriteTheDistrict}.
 */
public abstract class DataTeamQueriesContract {
    private static final String DISTRICT = "district-7";
    private static final LocalDate TERM_WEEK_1 = LocalDate.parse("2026-09-14");

    private Map<String, String> queries;

    protected abstract ColumnStore store();

    /** Applies the schema to the subclass's fresh store and writes the example district; called once before the tests. */
    protected void applySchemaAndWriteTheDistrict() throws IOException {
        queries = ReadmeQueries.of(Path.of("README.md"), "Data team queries");
        ClickHouseSchema.apply(store());
        writeRoster();
        writeRiskThisWeek();
        writeMastery();
        writeEngagement();
    }

    private void writeRoster() {
        RosterRows<RosterOrg> orgs = RosterRows.orgs(SINK_CLOCK);
        roster(orgs, RosterOrg.newBuilder(school(DISTRICT, DISTRICT, "District 7")).setType("district").setParentSourcedId(null).build(), 1);
        roster(orgs, school(DISTRICT, "northside", "Northside Middle School"), 2);
        roster(orgs, school(DISTRICT, "southside", "Southside Middle School"), 3);
        roster(orgs, school("district-8", "northside", "Northside High School"), 4);
        var classes = RosterRows.classes(SINK_CLOCK);
        roster(classes, rosterClass(DISTRICT, "math-7a", "Mathematics 7A", "northside", List.of("07")), 1);
        roster(classes, rosterClass(DISTRICT, "art-6", "Art 6", "northside", List.of("06")), 2);
        roster(classes, rosterClass(DISTRICT, "math-7b", "Mathematics 7B", "southside", List.of("07")), 3);
        roster(classes, rosterClass(DISTRICT, "old-7", "Mathematics 7 (old)", "northside", List.of("07")), 4);
        RosterRecords.write(store(), classes, DISTRICT + "/old-7", null, 5);
        roster(classes, rosterClass("district-8", "math-7a", "Mathematics 7A", "northside", List.of("07")), 6);
        RosterRows<RosterEnrollment> enrollments = RosterRows.enrollments(SINK_CLOCK);
        roster(enrollments, teacher(DISTRICT, "e-1", "math-7a", "t-rivera", "northside", true), 1);
        roster(enrollments, teacher(DISTRICT, "e-2", "math-7a", "t-okafor", "northside", false), 2);
        roster(enrollments, teacher(DISTRICT, "e-3", "math-7a", "t-left", "northside", false), 3);
        RosterRecords.write(store(), enrollments, DISTRICT + "/e-3", null, 4);
        roster(enrollments, RosterEnrollment.newBuilder(teacher(DISTRICT, "e-4", "math-7a", "s-100017", "northside", false))
                .setRole("student").build(), 5);
        roster(enrollments, teacher("district-8", "e-1", "math-7a", "t-other", "northside", true), 6);
    }

    /**
     * This week: st-1 flagged in two northside classes (twice in one), st-2 flagged, st-3 not; at southside st-4 flagged,
     * st-5 flagged but withdrawn, st-6 flagged last week; st-7 flagged in the removed class; another district's student.
     */
    private void writeRiskThisWeek() {
        Instant monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant thisWeek = monday.plus(Duration.ofMinutes(1));
        List<RiskScore> scores = List.of(
                score(DISTRICT, "math-7a", "st-1", thisWeek, 0.8, true, "event"),
                score(DISTRICT, "math-7a", "st-1", thisWeek.plus(Duration.ofHours(1)), 0.85, true, "event"),
                score(DISTRICT, "math-7a", "st-2", thisWeek, 0.75, true, "event"),
                score(DISTRICT, "math-7a", "st-3", thisWeek, 0.3, false, "event"),
                score(DISTRICT, "art-6", "st-1", thisWeek, 0.9, true, "tick"),
                score(DISTRICT, "math-7b", "st-4", thisWeek, 0.72, true, "event"),
                RiskScore.newBuilder(score(DISTRICT, "math-7b", "st-5", thisWeek, 0.95, true, "event")).setWithdrawn(true).build(),
                score(DISTRICT, "math-7b", "st-6", monday.minus(Duration.ofDays(2)), 0.8, true, "week"),
                score(DISTRICT, "old-7", "st-7", thisWeek, 0.8, true, "event"),
                score("district-8", "math-7a", "st-9", thisWeek, 0.99, true, "event"));
        RiskScoreRows history = RiskScoreRows.history(SINK_CLOCK);
        long offset = 0;
        for (RiskScore score : scores) write(store(), history, at(classKey(score.getTenantId(), score.getClassId()), score, offset++));
    }

    /** Grade 07: fractions mastered by st-1 (math-7a), half by st-4 (math-7b, whose older update comes last); ratios by st-1. */
    private void writeMastery() {
        MasteryCurrentRows current = new MasteryCurrentRows(SINK_CLOCK);
        Instant answered = Instant.parse("2026-09-20T10:00:00Z");
        List<SkillMastery> updates = List.of(
                skill(DISTRICT, "st-1", "fractions", "math-7a", 0.9, true, answered),
                skill(DISTRICT, "st-4", "fractions", "math-7b", 0.5, false, answered),
                skill(DISTRICT, "st-4", "fractions", "math-7b", 0.2, false, answered.minus(Duration.ofDays(3))),
                skill(DISTRICT, "st-1", "ratios", "math-7a", 0.3, false, answered),
                skill(DISTRICT, "st-8", "fractions", "art-6", 0.1, false, answered),
                skill("district-8", "st-1", "fractions", "math-7a", 0.0, false, answered));
        long offset = 0;
        for (SkillMastery update : updates) write(store(), current, at(null, update, offset++));
    }

    /** Two weeks of northside's classes (st-1's first day updated once), southside's, a day after the range, another district. */
    private void writeEngagement() {
        EngagementDailyRows daily = new EngagementDailyRows(SINK_CLOCK);
        List<EngagementDaily> days = List.of(
                day(DISTRICT, "math-7a", "st-1", TERM_WEEK_1, 10, 30.0),
                day(DISTRICT, "math-7a", "st-1", TERM_WEEK_1, 12, 40.0),
                day(DISTRICT, "math-7a", "st-2", TERM_WEEK_1.plusDays(1), 4, 20.0),
                day(DISTRICT, "math-7a", "st-1", TERM_WEEK_1.plusDays(8), 6, 15.0),
                day(DISTRICT, "math-7a", "st-1", LocalDate.parse("2026-10-20"), 1, 2.0),
                day(DISTRICT, "art-6", "st-1", TERM_WEEK_1.plusDays(2), 3, 9.0),
                day(DISTRICT, "math-7b", "st-4", TERM_WEEK_1, 8, 25.0),
                day("district-8", "math-7a", "st-1", TERM_WEEK_1, 100, 300.0));
        long offset = 0;
        for (EngagementDaily day : days) write(store(), daily, at(null, day, offset++));
    }

    @Test
    void shouldCountEachSchoolsStudentsAtRiskThisWeekOnce() {
        assertThat(run("at-risk students per school this week")).containsExactly(
                List.of("Northside Middle School", "2", "2"),
                List.of("Southside Middle School", "1", "1"));
    }

    @Test
    void shouldShowTheMasteryOfEachSkillAcrossAGrade() {
        assertThat(run("mastery by skill across a grade")).containsExactly(
                List.of("ratios", "1", "0.3", "0"),
                List.of("fractions", "2", "0.7", "1"));
    }

    @Test
    void shouldShowTheEngagementOfEachClassOfASchoolWeekByWeek() {
        assertThat(run("engagement trend by class")).containsExactly(
                List.of("Art 6", "2026-09-14", "1", "3", "9"),
                List.of("Mathematics 7A", "2026-09-14", "2", "16", "30"),
                List.of("Mathematics 7A", "2026-09-21", "1", "6", "15"));
    }

    @Test
    void shouldListTheLeastEngagedStudentsOfAClassToDate() {
        assertThat(run("least engaged students of a class")).containsExactly(
                List.of("st-2", "1", "2026-09-15", "4", "20"),
                List.of("st-1", "3", "2026-10-20", "19", "57"));
    }

    @Test
    void shouldListTheTeachersOfAClassPrimaryFirst() {
        assertThat(run("teachers of a class")).containsExactly(List.of("t-rivera", "1"), List.of("t-okafor", "0"));
    }

    @Test
    void theReadmeHoldsNoUntestedQueryAndEachFiltersByDistrict() {
        assertThat(queries.keySet()).containsExactlyInAnyOrder("at-risk students per school this week", "mastery by skill across a grade",
                "engagement trend by class", "least engaged students of a class", "teachers of a class");
        queries.forEach((name, sql) -> assertThat(sql).as(name).contains("tenant_id = 'district-7'"));
    }

    private List<List<String>> run(String name) {
        assertThat(queries).containsKey(name);
        return store().query(queries.get(name)).rows();
    }

    private <V> void roster(RosterRows<V> rows, V value, long offset) {
        RosterRecords.write(store(), rows, "key-of-" + offset, value, offset);
    }

    private static SkillMastery skill(String tenant, String student, String skill, String classId, double p, boolean mastered, Instant at) {
        return SkillMastery.newBuilder().setTenantId(tenant).setStudentKey(student).setSkillId(skill).setCourseId(classId)
                .setEventId("answer-" + at.toEpochMilli()).setPMastery(p).setAttempts(4).setCorrect(2).setLastAnswerTime(at)
                .setMastered(mastered).build();
    }

    private static EngagementDaily day(String tenant, String classId, String student, LocalDate day, long events, double minutes) {
        return EngagementDaily.newBuilder().setTenantId(tenant).setStudentKey(student).setCourseId(classId).setDay(day)
                .setEvents(events).setSessions(1).setActiveMinutes(minutes).build();
    }
}
