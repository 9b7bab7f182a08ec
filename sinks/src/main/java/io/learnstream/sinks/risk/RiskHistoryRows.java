package io.learnstream.sinks.risk;

import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.sinks.kafka.RowMapper;
import java.time.Clock;
import java.util.List;

/**
 * Every risk score as a row of {@code risk_history_versions} (read through the view {@code risk_history}): one row per
 * student, class, {@code as_of} and trigger, versioned by Kafka offset, so a score re-sent for the same moment and
 * trigger replaces the earlier one and a batch written twice leaves the same rows.
 */
public final class RiskHistoryRows implements RowMapper<String, RiskScore> {
    public static final String TABLE = "risk_history_versions";
    private static final List<String> COLUMNS = List.of("tenant_id", "class_id", "student_key", "as_of", "day_of_class",
            "probability", "flagged", "withdrawn", "reasons", "features", "trigger", "model_version", "version", "updated_at");

    private final Clock clock;

    public RiskHistoryRows(Clock clock) {
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
