package io.learnstream.sinks.risk;

import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.sinks.kafka.RowMapper;
import java.time.Clock;
import java.util.List;

/**
 * Risk scores as rows of {@code risk_current_versions} (read through the view {@code risk_current}): one row per
 * student and class, the score of the newest {@code as_of}. The table's version is computed from {@code as_of} and
 * {@code kafka_offset} (as_of first, then offset), so a score of an earlier moment written after a later one (a late
 * event recomputed) does not replace it.
 */
public final class RiskCurrentRows implements RowMapper<String, RiskScore> {
    public static final String TABLE = "risk_current_versions";
    private static final List<String> COLUMNS = List.of("tenant_id", "class_id", "student_key", "as_of", "day_of_class",
            "probability", "flagged", "withdrawn", "reasons", "features", "trigger", "model_version", "kafka_offset", "updated_at");

    private final Clock clock;

    public RiskCurrentRows(Clock clock) {
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
    public List<Object> row(String tenantClassKey, RiskScore value, long offset) {
        return List.of(value.getTenantId(), value.getClassId(), value.getStudentKey(), value.getAsOf(), value.getDayOfClass(),
                value.getProbability(), value.getFlagged() ? 1 : 0, value.getWithdrawn() ? 1 : 0,
                RiskReasons.tuples(value.getReasons()), value.getFeatures(), value.getTrigger(), value.getModelVersion(), offset,
                clock.instant());
    }
}
