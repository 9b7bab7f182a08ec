package io.learnstream.sinks.alerts;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.ClassTeacher;
import io.learnstream.sinks.kafka.RowMapper;
import io.learnstream.sinks.risk.RiskReasons;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Alerts as rows of {@code alerts_versions} (read through the view {@code alerts}): one row per alert id, versioned by
 * Kafka offset. The topic is keyed by alert id, so every status of one alert is on one partition and the latest
 * written has the highest offset: it wins. The teachers become two parallel arrays, {@code teacher_ids} and
 * {@code teacher_primary}, so {@code has(teacher_ids, ...)} finds a teacher's alerts.
 */
public final class AlertRows implements RowMapper<String, Alert> {
    public static final String TABLE = "alerts_versions";
    private static final List<String> COLUMNS = List.of("alert_id", "tenant_id", "class_id", "student_key", "factor", "text",
            "reasons", "probability", "teacher_ids", "teacher_primary", "status", "raised_time", "closed_time", "closed_by",
            "version", "updated_at");

    private final Clock clock;

    public AlertRows(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> row(String alertId, Alert value, long offset) {
        List<ClassTeacher> teachers = value.getTeachers();
        // List.of refuses nulls, and closed_time and closed_by are NULL while the alert is open
        return Arrays.asList(value.getAlertId(), value.getTenantId(), value.getClassId(), value.getStudentKey(), value.getFactor(),
                value.getText(), RiskReasons.tuples(value.getReasons()), value.getProbability(),
                teachers.stream().map(ClassTeacher::getUserSourcedId).toList(),
                teachers.stream().map(teacher -> teacher.getPrimary() ? 1 : 0).toList(),
                value.getStatus(), value.getRaisedTime(), value.getClosedTime(), value.getClosedBy(), offset, clock.instant());
    }
}
