package io.learnstream.deploy.grafana;

import io.learnstream.sinks.spi.ColumnStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A few rows in every table the sinks write, as the sinks write them (the production schema's columns), so that every
 * panel of the dashboards has something to show: district {@code district-7} with classes {@code math-7a} and
 * {@code art-2}, and one row of {@code district-8} that district-7's panels must not count.
 */
final class LearnstreamRows {
    static final String DISTRICT = "district-7";
    static final String OTHER_DISTRICT = "district-8";
    static final String MATH = "math-7a";
    static final String ART = "art-2";

    private final ColumnStore store;
    private final Instant now;

    LearnstreamRows(ColumnStore store, Instant now) {
        this.store = store;
        this.now = now;
    }

    void writeAll() {
        engagement();
        mastery();
        risk();
        alerts();
        archive();
    }

    private void engagement() {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        store.insert("engagement_daily_versions",
                List.of("tenant_id", "course_id", "student_key", "day", "events", "sessions", "active_minutes", "version", "updated_at"),
                List.of(List.of(DISTRICT, MATH, "st-1", today.minusDays(1), 12, 2, 35.5, 1, ago(Duration.ofHours(20))),
                        List.of(DISTRICT, MATH, "st-2", today.minusDays(1), 4, 1, 10.0, 2, ago(Duration.ofHours(20))),
                        List.of(DISTRICT, ART, "st-3", today.minusDays(10), 7, 1, 22.0, 3, ago(Duration.ofDays(10))),
                        List.of(OTHER_DISTRICT, MATH, "st-9", today.minusDays(1), 3, 1, 5.0, 4, ago(Duration.ofHours(20)))));
    }

    private void mastery() {
        List<Map<String, Object>> practice = List.of(Map.of("item_id", "q-17", "predicted_success", 0.7));
        store.insert("mastery_predictions_versions",
                List.of("tenant_id", "student_key", "event_id", "course_id", "item_id", "skills", "event_time", "correct",
                        "predictions", "parameters_version", "version", "updated_at"),
                List.of(List.of(DISTRICT, "st-1", "e-1", MATH, "q-3", List.of("fractions"), ago(Duration.ofHours(2)), 1,
                        Map.of("bkt", 0.62, "logistic", 0.41), 0, 10, ago(Duration.ofHours(2)))));
        List<String> skillColumns = List.of("tenant_id", "student_key", "skill_id", "event_id", "course_id", "p_mastery", "attempts",
                "correct", "last_answer_time", "mastered", "practice");
        store.insert("mastery_history_versions", concat(skillColumns, "version", "updated_at"),
                List.of(List.of(DISTRICT, "st-1", "fractions", "e-1", MATH, 0.41, 3, 1, ago(Duration.ofHours(2)), 0, practice, 11,
                        ago(Duration.ofHours(2)))));
        store.insert("mastery_current_versions", concat(skillColumns, "kafka_offset", "updated_at"),
                List.of(List.of(DISTRICT, "st-1", "fractions", "e-1", MATH, 0.41, 3, 1, ago(Duration.ofHours(2)), 0, practice, 11,
                                ago(Duration.ofHours(2))),
                        List.of(DISTRICT, "st-2", "fractions", "e-2", MATH, 0.97, 6, 6, ago(Duration.ofHours(3)), 1, List.of(), 12,
                                ago(Duration.ofHours(3))),
                        List.of(DISTRICT, "st-2", "decimals", "e-3", MATH, 0.55, 2, 1, ago(Duration.ofHours(3)), 0, practice, 13,
                                ago(Duration.ofHours(3)))));
        store.insert("student_mastery_versions",
                List.of("tenant_id", "student_key", "strengths", "weaknesses", "practice", "updated_time", "kafka_offset", "updated_at"),
                List.of(List.of(DISTRICT, "st-1", List.of(),
                        List.of(Map.of("skill_id", "fractions", "p_mastery", 0.41, "attempts", 3, "correct", 1)),
                        List.of(Map.of("skill_id", "fractions", "item_id", "q-17", "predicted_success", 0.7)),
                        ago(Duration.ofHours(2)), 14, ago(Duration.ofMinutes(110)))));
    }

    private void risk() {
        List<Map<String, Object>> silent = List.of(
                Map.of("factor", "silence", "text", "no activity for 9 days", "value", 9.0, "contribution", 1.2),
                Map.of("factor", "missed", "text", "2 assignments missed", "value", 2.0, "contribution", 0.7));
        List<Map<String, Object>> lessActive = List.of(
                Map.of("factor", "activity-percentile", "text", "less active than 90% of the class", "value", 10.0, "contribution", 0.9));
        List<String> columns = List.of("tenant_id", "class_id", "student_key", "as_of", "day_of_class", "probability", "flagged",
                "withdrawn", "reasons", "features", "trigger", "model_version");
        store.insert("risk_history_versions", concat(columns, "version", "updated_at"), List.of(
                List.of(DISTRICT, MATH, "st-1", ago(Duration.ofHours(1)), 14, 0.82, 1, 0, silent, Map.of("silence_days", 9.0), "event", 1, 20,
                        ago(Duration.ofMinutes(59))),
                List.of(DISTRICT, ART, "st-3", ago(Duration.ofDays(2)), 30, 0.64, 1, 0, lessActive, Map.of(), "week", 1, 21,
                        ago(Duration.ofDays(2))),
                List.of(OTHER_DISTRICT, MATH, "st-9", ago(Duration.ofHours(1)), 14, 0.99, 1, 0, silent, Map.of(), "event", 1, 22,
                        ago(Duration.ofMinutes(59)))));
        store.insert("risk_current_versions", concat(columns, "kafka_offset", "updated_at"), List.of(
                List.of(DISTRICT, MATH, "st-1", ago(Duration.ofHours(1)), 14, 0.82, 1, 0, silent, Map.of("silence_days", 9.0), "event", 1, 20,
                        ago(Duration.ofMinutes(59))),
                List.of(DISTRICT, MATH, "st-2", ago(Duration.ofHours(5)), 14, 0.2, 0, 0, List.of(), Map.of(), "tick", 1, 23,
                        ago(Duration.ofHours(5))),
                List.of(DISTRICT, ART, "st-3", ago(Duration.ofDays(2)), 30, 0.64, 1, 0, lessActive, Map.of(), "week", 1, 21,
                        ago(Duration.ofDays(2))),
                List.of(OTHER_DISTRICT, MATH, "st-9", ago(Duration.ofHours(1)), 14, 0.99, 1, 0, silent, Map.of(), "event", 1, 22,
                        ago(Duration.ofMinutes(59)))));
    }

    private void alerts() {
        List<Map<String, Object>> silent = List.of(
                Map.of("factor", "silence", "text", "no activity for 9 days", "value", 9.0, "contribution", 1.2));
        List<String> columns = List.of("alert_id", "tenant_id", "class_id", "student_key", "factor", "text", "reasons", "probability",
                "teacher_ids", "teacher_primary", "status", "raised_time", "closed_time", "closed_by", "version", "updated_at");
        Instant openRaised = ago(Duration.ofHours(1));
        Instant ackRaised = ago(Duration.ofDays(2));
        Instant dismissedRaised = ago(Duration.ofDays(3));
        String open = alertId(MATH, "st-1", openRaised);
        String acknowledged = alertId(ART, "st-3", ackRaised);
        String dismissed = alertId(MATH, "st-2", dismissedRaised);
        store.insert("alerts_versions", columns, List.of(
                alert(open, MATH, "st-1", silent, openRaised, "open", null, null, 30),
                alert(acknowledged, ART, "st-3", silent, ackRaised, "acknowledged", ago(Duration.ofDays(1)), "t-chen", 31),
                alert(dismissed, MATH, "st-2", silent, dismissedRaised, "dismissed", ago(Duration.ofDays(2)), "t-rivera", 32)));
        store.insert("alert_feedback_versions",
                List.of("tenant_id", "class_id", "alert_id", "action", "answered_by", "answered_time", "version", "updated_at"),
                List.of(List.of(DISTRICT, ART, acknowledged, "acknowledge", "t-chen", ago(Duration.ofDays(1)), 40, ago(Duration.ofDays(1))),
                        List.of(DISTRICT, MATH, dismissed, "dismiss", "t-rivera", ago(Duration.ofDays(2)), 41, ago(Duration.ofDays(2)))));
    }

    private List<Object> alert(String id, String classId, String student, List<Map<String, Object>> reasons, Instant raised,
            String status, Instant closed, String closedBy, long offset) {
        return Arrays.asList(id, DISTRICT, classId, student, "silence", "At risk (0.82): no activity for 9 days.", reasons,
                0.82, List.of("t-rivera", "t-okafor"), List.of(1, 0), status, raised, closed, closedBy, offset, ago(Duration.ofMinutes(5)));
    }

    private void archive() {
        store.insert("xapi_statements",
                List.of("tenant_id", "statement_id", "stored", "timestamp", "verb_id", "statement", "version"),
                List.of(List.of(DISTRICT, "2f1e6c1a-0000-4000-8000-000000000001", ago(Duration.ofMinutes(3)), ago(Duration.ofMinutes(4)),
                        "http://adlnet.gov/expapi/verbs/answered", "{}", Long.MAX_VALUE)));
        store.insert("xapi_attachments",
                List.of("tenant_id", "sha2", "content_type", "length", "content_base64", "stored", "version"),
                List.of(List.of(DISTRICT, "a".repeat(64), "text/plain", 2, "aGk=", ago(Duration.ofMinutes(3)), Long.MAX_VALUE)));
    }

    private static String alertId(String classId, String student, Instant raised) {
        return DISTRICT + "/" + classId + "/" + student + "/silence/" + raised.toEpochMilli();
    }

    private Instant ago(Duration duration) {
        return now.minus(duration);
    }

    private static List<String> concat(List<String> columns, String... more) {
        return Stream.concat(columns.stream(), Arrays.stream(more)).toList();
    }
}
