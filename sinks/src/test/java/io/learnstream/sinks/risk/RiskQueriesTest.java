package io.learnstream.sinks.risk;

import static io.learnstream.sinks.risk.RiskRecords.SINK_CLOCK;
import static io.learnstream.sinks.risk.RiskRecords.alert;
import static io.learnstream.sinks.risk.RiskRecords.at;
import static io.learnstream.sinks.risk.RiskRecords.classKey;
import static io.learnstream.sinks.risk.RiskRecords.closed;
import static io.learnstream.sinks.risk.RiskRecords.feedback;
import static io.learnstream.sinks.risk.RiskRecords.hours;
import static io.learnstream.sinks.risk.RiskRecords.reason;
import static io.learnstream.sinks.risk.RiskRecords.score;
import static io.learnstream.sinks.risk.RiskRecords.teacher;
import static io.learnstream.sinks.risk.RiskRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.AlertFeedback;
import io.learnstream.schemas.avro.ClassTeacher;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.sinks.ReadmeQueries;
import io.learnstream.sinks.alerts.AlertFeedbackRows;
import io.learnstream.sinks.alerts.AlertRows;
import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example queries of the README's "Risk and alerts" section, run as written on the real embedded ClickHouse (chDB)
 * over rows the four risk and alert mappers wrote: district {@code district-7}, class {@code math-7a}, student
 * {@code st-1f3a}, teacher {@code t-rivera}. Each query is the section's {@code sql} block whose first line is
 * {@code -- <name>}.
 */
@Timeout(120)
class RiskQueriesTest {
    private static final String DISTRICT = "district-7";
    private static final String CLASS = "math-7a";
    private static final String STUDENT = "st-1f3a";
    private static final RiskReason SILENT_9_DAYS = reason("silence", "no activity for 9 days", 9, 1.2);
    private static final RiskReason MISSED_2 = reason("missed", "2 assignments missed", 2, 0.7);
    private static final RiskReason LESS_ACTIVE = reason("activity-percentile", "less active than 90% of the class", 10, 0.9);
    private static final List<ClassTeacher> MATH_TEACHERS = List.of(teacher("t-rivera", true), teacher("t-okafor", false));

    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    static Map<String, String> queries;
    static Alert mathSilence;
    static Alert mathLessActive;
    static Alert artSilence;

    @BeforeAll
    static void openStoreAndWriteTheDistrict() throws IOException {
        queries = ReadmeQueries.of(Path.of("README.md"), "Risk and alerts");
        store = ChdbColumnStore.open(dataDir);
        ClickHouseSchema.apply(store);
        writeCurrentRisk();
        writeRiskHistory();
        writeAlertsAndAnswers();
    }

    /** Three students of math-7a (two flagged), one withdrawn; the student also in art-2; another district. */
    private static void writeCurrentRisk() {
        RiskScoreRows current = RiskScoreRows.current(SINK_CLOCK);
        RiskScore withdrawn = RiskScore.newBuilder(score(DISTRICT, CLASS, "st-4f6g", hours(100), 11, 0.95, true, "event",
                List.of(SILENT_9_DAYS), Map.of())).setWithdrawn(true).build();
        List<RiskScore> scores = List.of(
                score(DISTRICT, CLASS, STUDENT, hours(168), 14, 0.82, true, "week", List.of(SILENT_9_DAYS, MISSED_2), Map.of("silence_days", 9.0)),
                score(DISTRICT, CLASS, "st-2b4c", hours(150), 13, 0.64, true, "event", List.of(LESS_ACTIVE), Map.of()),
                score(DISTRICT, CLASS, "st-3d5e", hours(160), 13, 0.2, false, "tick", List.of(), Map.of()),
                withdrawn,
                // an older score of the student written after the newest: not current
                score(DISTRICT, CLASS, STUDENT, hours(30), 8, 0.5, false, "event", List.of(MISSED_2), Map.of()),
                score(DISTRICT, "art-2", STUDENT, hours(120), 11, 0.7, true, "event", List.of(SILENT_9_DAYS), Map.of()),
                score("district-8", CLASS, STUDENT, hours(100), 11, 0.99, true, "event", List.of(SILENT_9_DAYS), Map.of()));
        long offset = 0;
        for (RiskScore score : scores) write(store, current, at(classKey(score.getTenantId(), score.getClassId()), score, offset++));
    }

    /** The student's scores in math-7a: two weekly records and an event between them; another student's week. */
    private static void writeRiskHistory() {
        RiskScoreRows history = RiskScoreRows.history(SINK_CLOCK);
        List<RiskScore> scores = List.of(
                score(DISTRICT, CLASS, STUDENT, hours(0), 7, 0.31, false, "week",
                        List.of(reason("silence", "no activity for 2 days", 2, 0.2)), Map.of()),
                score(DISTRICT, CLASS, STUDENT, hours(30), 8, 0.5, false, "event", List.of(MISSED_2), Map.of()),
                score(DISTRICT, CLASS, STUDENT, hours(168), 14, 0.82, true, "week", List.of(SILENT_9_DAYS, MISSED_2), Map.of()),
                score(DISTRICT, CLASS, "st-2b4c", hours(168), 14, 0.64, true, "week", List.of(LESS_ACTIVE), Map.of()));
        long offset = 0;
        for (RiskScore score : scores) write(store, history, at(classKey(score.getTenantId(), score.getClassId()), score, offset++));
    }

    /**
     * Open alerts of math-7a (t-rivera primary) and art-2 (t-rivera co-teacher), one acknowledged, one of a class
     * without t-rivera, one of another district; answers of the last days and one of 40 days ago.
     */
    private static void writeAlertsAndAnswers() {
        AlertRows alerts = new AlertRows(SINK_CLOCK);
        mathSilence = alert(DISTRICT, CLASS, STUDENT, hours(160), 0.82, List.of(SILENT_9_DAYS, MISSED_2), MATH_TEACHERS);
        mathLessActive = alert(DISTRICT, CLASS, "st-2b4c", hours(150), 0.64, List.of(LESS_ACTIVE), MATH_TEACHERS);
        artSilence = alert(DISTRICT, "art-2", STUDENT, hours(100), 0.7, List.of(SILENT_9_DAYS),
                List.of(teacher("t-chen", true), teacher("t-rivera", false)));
        Instant now = Instant.now();
        Alert acknowledged = alert(DISTRICT, CLASS, "st-3d5e", hours(20), 0.66, List.of(SILENT_9_DAYS), MATH_TEACHERS);
        Alert dismissed = alert(DISTRICT, CLASS, "st-5h7i", hours(40), 0.61, List.of(MISSED_2), MATH_TEACHERS);
        Alert longAgo = alert(DISTRICT, CLASS, "st-6j8k", hours(10), 0.7, List.of(SILENT_9_DAYS), MATH_TEACHERS);
        Alert otherTeacher = alert(DISTRICT, "art-3", "st-7l9m", hours(155), 0.9, List.of(SILENT_9_DAYS), List.of(teacher("t-chen", true)));
        Alert otherDistrict = alert("district-8", CLASS, STUDENT, hours(165), 0.99, List.of(SILENT_9_DAYS), MATH_TEACHERS);
        List<Alert> written = List.of(mathSilence, mathLessActive, artSilence, acknowledged, dismissed, longAgo, otherTeacher,
                otherDistrict, closed(acknowledged, "acknowledged", now.minus(Duration.ofDays(2)), "t-rivera"),
                closed(dismissed, "dismissed", now.minus(Duration.ofDays(1)), "t-okafor"),
                closed(longAgo, "acknowledged", now.minus(Duration.ofDays(40)), "t-rivera"));
        long offset = 0;
        for (Alert alert : written) write(store, alerts, at(alert.getAlertId(), alert, offset++));

        AlertFeedbackRows answers = new AlertFeedbackRows(SINK_CLOCK);
        List<AlertFeedback> given = List.of(
                feedback(acknowledged, "acknowledge", "t-rivera", now.minus(Duration.ofDays(2))),
                feedback(dismissed, "dismiss", "t-okafor", now.minus(Duration.ofDays(1))),
                feedback(longAgo, "acknowledge", "t-rivera", now.minus(Duration.ofDays(40))),
                feedback(otherDistrict, "dismiss", "t-rivera", now.minus(Duration.ofDays(1))));
        offset = 0;
        for (AlertFeedback answer : given) write(store, answers, at(classKey(answer.getTenantId(), answer.getClassId()), answer, offset++));
    }

    @AfterAll
    static void closeStore() {
        if (store != null) store.close();
    }

    @Test
    void shouldListTheFlaggedStudentsOfAClassHighestRiskFirstWithTheirReasons() {
        assertThat(run("at-risk students of a class, with reasons")).containsExactly(
                List.of(STUDENT, "0.82", "no activity for 9 days; 2 assignments missed", "14", "2026-09-21 08:00:00.000"),
                List.of("st-2b4c", "0.64", "less active than 90% of the class", "13", "2026-09-20 14:00:00.000"));
    }

    @Test
    void shouldCountTheFlaggedStudentsOfEachClass() {
        assertThat(run("flagged students per class")).containsExactly(
                List.of(CLASS, "2", "3", "0.55"),
                List.of("art-2", "1", "1", "0.7"));
    }

    @Test
    void shouldShowAStudentsRiskWeekByWeek() {
        assertThat(run("risk of a student week by week")).containsExactly(
                List.of("7", "2026-09-14 08:00:00.000", "0.31", "0", "no activity for 2 days"),
                List.of("14", "2026-09-21 08:00:00.000", "0.82", "1", "no activity for 9 days"));
    }

    @Test
    void shouldListATeachersOpenAlertsNewestFirst() {
        assertThat(run("open alerts for a teacher")).containsExactly(
                List.of(mathSilence.getAlertId(), CLASS, STUDENT, "silence", "0.82", "2026-09-21 00:00:00.000", mathSilence.getText()),
                List.of(mathLessActive.getAlertId(), CLASS, "st-2b4c", "activity-percentile", "0.64", "2026-09-20 14:00:00.000",
                        mathLessActive.getText()),
                List.of(artSilence.getAlertId(), "art-2", STUDENT, "silence", "0.7", "2026-09-18 12:00:00.000", artSilence.getText()));
    }

    @Test
    void shouldCountTheAnswersToAlertsOfEachFactorOverTheLastThirtyDays() {
        assertThat(run("answers to alerts per factor over the last 30 days")).containsExactly(
                List.of("missed", "0", "1"),
                List.of("silence", "1", "0"));
    }

    @Test
    void theReadmeHoldsNoUntestedQuery() {
        assertThat(queries.keySet()).containsExactlyInAnyOrder("at-risk students of a class, with reasons",
                "flagged students per class", "risk of a student week by week", "open alerts for a teacher",
                "answers to alerts per factor over the last 30 days");
    }

    private static List<List<String>> run(String name) {
        assertThat(queries).containsKey(name);
        return store.query(queries.get(name)).rows();
    }
}
