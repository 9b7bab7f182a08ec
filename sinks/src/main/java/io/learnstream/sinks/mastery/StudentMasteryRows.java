package io.learnstream.sinks.mastery;

import io.learnstream.schemas.avro.PracticeItem;
import io.learnstream.schemas.avro.SkillLevel;
import io.learnstream.schemas.avro.StudentMastery;
import io.learnstream.sinks.kafka.RowMapper;
import io.learnstream.sinks.spi.NamedTuple;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Student summaries as rows of {@code student_mastery_versions} (read through the view {@code student_mastery}): one
 * row per student, the summary of the newest answer. The table's version is computed from {@code updated_time} and
 * {@code kafka_offset} (answer time first, then offset), as in {@code mastery_current_versions}.
 */
public final class StudentMasteryRows implements RowMapper<String, StudentMastery> {
    public static final String TABLE = "student_mastery_versions";
    private static final List<String> COLUMNS = List.of("tenant_id", "student_key", "strengths", "weaknesses", "practice",
            "updated_time", "kafka_offset", "updated_at");

    private final Clock clock;

    public StudentMasteryRows(Clock clock) {
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
    public List<Object> row(String tenantStudentKey, StudentMastery value, long offset) {
        return List.of(value.getTenantId(), value.getStudentKey(), levels(value.getStrengths()), levels(value.getWeaknesses()),
                practice(value.getPractice()), value.getUpdatedTime(), offset, clock.instant());
    }

    private static List<Map<String, Object>> levels(List<SkillLevel> levels) {
        return levels.stream()
                .map(level -> NamedTuple.of("skill_id", level.getSkillId(), "p_mastery", level.getPMastery(),
                        "attempts", level.getAttempts(), "correct", level.getCorrect()))
                .toList();
    }

    private static List<Map<String, Object>> practice(List<PracticeItem> items) {
        return items.stream()
                .map(item -> NamedTuple.of("skill_id", item.getSkillId(), "item_id", item.getItemId(),
                        "predicted_success", item.getPredictedSuccess()))
                .toList();
    }
}
