package io.learnstream.sinks.alerts;

import io.learnstream.schemas.avro.AlertFeedback;
import io.learnstream.sinks.kafka.RowMapper;
import java.time.Clock;
import java.util.List;

/**
 * Teachers' answers to alerts as rows of {@code alert_feedback_versions} (read through the view
 * {@code alert_feedback}): one row per alert, action, who and when, so every answer is kept and the same record
 * written again is the same row.
 */
public final class AlertFeedbackRows implements RowMapper<String, AlertFeedback> {
    public static final String TABLE = "alert_feedback_versions";
    private static final List<String> COLUMNS = List.of("tenant_id", "class_id", "alert_id", "action", "answered_by",
            "answered_time", "version", "updated_at");

    private final Clock clock;

    public AlertFeedbackRows(Clock clock) {
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
    public List<Object> row(String tenantClassKey, AlertFeedback value, long offset) {
        return List.of(value.getTenantId(), value.getClassId(), value.getAlertId(), value.getAction(), value.getBy(),
                value.getTime(), offset, clock.instant());
    }
}
