package io.learnstream.sinks.risk;

import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.sinks.kafka.RowMapper;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * Risk scores as rows of one of the two risk tables; the rows are the same, only the table and what its last column
 * but one (the Kafka offset) is called differ:
 * <ul>
 *   <li>{@link #history}: every score in {@code risk_history_versions} (view {@code risk_history}), one row per student,
 *       class, {@code as_of} and trigger, versioned by Kafka offset, so a score re-sent for the same moment and trigger
 *       replaces the earlier one and a batch written twice leaves the same rows;</li>
 *   <li>{@link #current}: {@code risk_current_versions} (view {@code risk_current}), one row per student and class, the
 *       score of the newest {@code as_of}. That table's version is computed from {@code as_of} and {@code kafka_offset}
 *       (as_of first, then offset), so a score of an earlier moment written after a later one (a late event recomputed)
 *       does not replace it.</li>
 * </ul>
 */
public final class RiskScoreRows implements RowMapper<String, RiskScore> {
    public static final String HISTORY_TABLE = "risk_history_versions";
    public static final String CURRENT_TABLE = "risk_current_versions";
    private static final List<String> SCORE_COLUMNS = List.of("tenant_id", "class_id", "student_key", "as_of", "day_of_class",
            "probability", "flagged", "withdrawn", "reasons", "features", "trigger", "model_version");

    private final String table;
    private final List<String> columns;
    private final Clock clock;

    private RiskScoreRows(String table, String offsetColumn, Clock clock) {
        this.table = table;
        this.columns = Stream.concat(SCORE_COLUMNS.stream(), Stream.of(offsetColumn, "updated_at")).toList();
        this.clock = clock;
    }

    /** Every score, into {@code risk_history_versions} (the offset as {@code version}). */
    public static RiskScoreRows history(Clock clock) {
        return new RiskScoreRows(HISTORY_TABLE, "version", clock);
    }

    /** The newest score per student and class, into {@code risk_current_versions} (the offset as {@code kafka_offset}). */
    public static RiskScoreRows current(Clock clock) {
        return new RiskScoreRows(CURRENT_TABLE, "kafka_offset", clock);
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<Object> row(String tenantClassKey, RiskScore value, long offset) {
        return List.of(value.getTenantId(), value.getClassId(), value.getStudentKey(), value.getAsOf(), value.getDayOfClass(),
                value.getProbability(), value.getFlagged() ? 1 : 0, value.getWithdrawn() ? 1 : 0,
                RiskReasons.tuples(value.getReasons()), value.getFeatures(), value.getTrigger(), value.getModelVersion(), offset,
                clock.instant());
    }
}
