package io.learnstream.sinks.engagement;

import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.schemas.avro.StudentCourseDay;
import io.learnstream.sinks.kafka.RowMapper;
import java.time.Clock;
import java.util.List;

/** Engagement updates as rows of {@code engagement_daily_versions} (read through the view {@code engagement_daily}). */
public final class EngagementDailyRows implements RowMapper<StudentCourseDay, EngagementDaily> {
    public static final String TABLE = "engagement_daily_versions";
    private static final List<String> COLUMNS = List.of(
            "tenant_id", "course_id", "student_key", "day", "events", "sessions", "active_minutes", "version", "updated_at");

    private final Clock clock;

    public EngagementDailyRows(Clock clock) {
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
    public List<Object> row(StudentCourseDay key, EngagementDaily value, long offset) {
        return List.of(value.getTenantId(), value.getCourseId(), value.getStudentKey(), value.getDay(),
                value.getEvents(), value.getSessions(), value.getActiveMinutes(), offset, clock.instant());
    }
}
