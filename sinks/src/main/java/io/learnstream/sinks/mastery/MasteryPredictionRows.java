package io.learnstream.sinks.mastery;

import io.learnstream.schemas.avro.MasteryPrediction;
import io.learnstream.sinks.kafka.RowMapper;
import java.time.Clock;
import java.util.List;

/**
 * Mastery predictions as rows of {@code mastery_predictions_versions} (read through the view
 * {@code mastery_predictions}): one row per answer ({@code event_id}), versioned by Kafka offset, so a prediction
 * re-sent for the same answer (a late answer re-sequenced the student's answers) replaces the earlier one.
 */
public final class MasteryPredictionRows implements RowMapper<String, MasteryPrediction> {
    public static final String TABLE = "mastery_predictions_versions";
    private static final List<String> COLUMNS = List.of("tenant_id", "student_key", "event_id", "course_id", "item_id",
            "skills", "event_time", "correct", "predictions", "parameters_version", "version", "updated_at");

    private final Clock clock;

    public MasteryPredictionRows(Clock clock) {
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
    public List<Object> row(String studentKey, MasteryPrediction value, long offset) {
        return List.of(value.getTenantId(), value.getStudentKey(), value.getEventId(), value.getCourseId(), value.getItemId(),
                value.getSkills(), value.getEventTime(), value.getCorrect() ? 1 : 0, value.getPredictions(),
                value.getParametersVersion(), offset, clock.instant());
    }
}
