package io.learnstream.sinks.mastery;

import io.learnstream.schemas.avro.PracticeItem;
import io.learnstream.schemas.avro.SkillMastery;
import io.learnstream.schemas.avro.StudentSkill;
import io.learnstream.sinks.kafka.RowMapper;
import io.learnstream.sinks.spi.NamedTuple;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Every skill mastery update as a row of {@code mastery_history_versions} (read through the view
 * {@code mastery_history}): one row per student, skill and answer ({@code event_id}), versioned by Kafka offset, so an
 * update re-sent for the same answer replaces the earlier one and the history keeps one row per answer.
 */
public final class MasteryHistoryRows implements RowMapper<StudentSkill, SkillMastery> {
    public static final String TABLE = "mastery_history_versions";
    private static final List<String> COLUMNS = List.of("tenant_id", "student_key", "skill_id", "event_id", "course_id",
            "p_mastery", "attempts", "correct", "last_answer_time", "mastered", "practice", "version", "updated_at");

    private final Clock clock;

    public MasteryHistoryRows(Clock clock) {
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
    public List<Object> row(StudentSkill key, SkillMastery value, long offset) {
        return List.of(value.getTenantId(), value.getStudentKey(), value.getSkillId(), value.getEventId(), value.getCourseId(),
                value.getPMastery(), value.getAttempts(), value.getCorrect(), value.getLastAnswerTime(),
                value.getMastered() ? 1 : 0, practice(value.getPractice()), offset, clock.instant());
    }

    /** The practice items as {@code Array(Tuple(item_id String, predicted_success Float64))} (the row names the skill). */
    static List<Map<String, Object>> practice(List<PracticeItem> items) {
        return items.stream()
                .map(item -> NamedTuple.of("item_id", item.getItemId(), "predicted_success", item.getPredictedSuccess()))
                .toList();
    }
}
