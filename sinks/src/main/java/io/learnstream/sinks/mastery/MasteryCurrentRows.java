package io.learnstream.sinks.mastery;

import io.learnstream.schemas.avro.SkillMastery;
import io.learnstream.schemas.avro.StudentSkill;
import io.learnstream.sinks.kafka.RowMapper;
import java.time.Clock;
import java.util.List;

/**
 * Skill mastery updates as rows of {@code mastery_current_versions} (read through the view {@code mastery_current}):
 * one row per student and skill, the update of the newest answer. The table's version is computed from
 * {@code last_answer_time} and {@code kafka_offset} (answer time first, then offset), because a late answer
 * re-sequenced re-sends updates of older answers after the newest one's: by offset alone an older answer would win.
 */
public final class MasteryCurrentRows implements RowMapper<StudentSkill, SkillMastery> {
    public static final String TABLE = "mastery_current_versions";
    private static final List<String> COLUMNS = List.of("tenant_id", "student_key", "skill_id", "course_id", "event_id",
            "p_mastery", "attempts", "correct", "last_answer_time", "mastered", "practice", "kafka_offset", "updated_at");

    private final Clock clock;

    public MasteryCurrentRows(Clock clock) {
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
        return List.of(value.getTenantId(), value.getStudentKey(), value.getSkillId(), value.getCourseId(), value.getEventId(),
                value.getPMastery(), value.getAttempts(), value.getCorrect(), value.getLastAnswerTime(),
                value.getMastered() ? 1 : 0, MasteryHistoryRows.practice(value.getPractice()), offset, clock.instant());
    }
}
