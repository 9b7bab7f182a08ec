package io.learnstream.sinks.risk;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.AlertFeedback;
import io.learnstream.schemas.avro.ClassTeacher;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.sinks.kafka.RowMapper;
import io.learnstream.sinks.spi.ColumnStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The risk and alert topics' records as the specs need them, and writes of them exactly as a {@code TopicSink} makes
 * them.
 */
public final class RiskRecords {
    /** Times in the specs are hours after this instant. */
    public static final Instant T0 = Instant.parse("2026-09-14T08:00:00Z");
    /** When the sink "wrote" every row (updated_at). */
    public static final Clock SINK_CLOCK = Clock.fixed(Instant.parse("2026-09-20T12:00:00.250Z"), ZoneOffset.UTC);

    private RiskRecords() {}

    public static Instant hours(long hours) {
        return T0.plusSeconds(hours * 3600);
    }

    public static RiskReason reason(String factor, String text, double value, double contribution) {
        return RiskReason.newBuilder().setFactor(factor).setText(text).setValue(value).setContribution(contribution).build();
    }

    /** A score of a student not withdrawn, by model version 2, with the features given as name, value pairs. */
    public static RiskScore score(String tenant, String classId, String student, Instant asOf, int dayOfClass, double probability,
            boolean flagged, String trigger, List<RiskReason> reasons, Map<String, Double> features) {
        return RiskScore.newBuilder().setTenantId(tenant).setClassId(classId).setStudentKey(student).setAsOf(asOf)
                .setDayOfClass(dayOfClass).setProbability(probability).setFlagged(flagged).setWithdrawn(false)
                .setReasons(reasons).setFeatures(features).setTrigger(trigger).setModelVersion(2).build();
    }

    /** A score with one silence reason and one feature. */
    public static RiskScore score(String tenant, String classId, String student, Instant asOf, double probability, boolean flagged,
            String trigger) {
        return score(tenant, classId, student, asOf, 10, probability, flagged, trigger,
                List.of(reason("silence", "no activity for 9 days", 9, 1.2)), Map.of("silence_days", 9.0));
    }

    /** The key of the risk-scores and alert-feedback topics: {@code <tenant>/<classId>}. */
    public static String classKey(String tenant, String classId) {
        return Topics.tenantScopedKey(tenant, classId);
    }

    public static ClassTeacher teacher(String userSourcedId, boolean primary) {
        return ClassTeacher.newBuilder().setUserSourcedId(userSourcedId).setPrimary(primary).build();
    }

    /** An open alert of the student about its first reason's factor, raised at {@code raised}. */
    public static Alert alert(String tenant, String classId, String student, Instant raised, double probability,
            List<RiskReason> reasons, List<ClassTeacher> teachers) {
        String factor = reasons.getFirst().getFactor();
        return Alert.newBuilder()
                .setAlertId(tenant + "/" + classId + "/" + student + "/" + factor + "/" + raised.toEpochMilli())
                .setTenantId(tenant).setClassId(classId).setStudentKey(student).setFactor(factor)
                .setText(Math.round(probability * 100) + "% risk: " + reasons.getFirst().getText())
                .setReasons(reasons).setProbability(probability).setTeachers(teachers).setStatus("open").setRaisedTime(raised)
                .build();
    }

    /** The alert closed: acknowledged, dismissed (by {@code by}) or cleared ({@code by} null). */
    public static Alert closed(Alert alert, String status, Instant when, String by) {
        return Alert.newBuilder(alert).setStatus(status).setClosedTime(when).setClosedBy(by).build();
    }

    public static AlertFeedback feedback(Alert alert, String action, String by, Instant time) {
        return AlertFeedback.newBuilder().setAlertId(alert.getAlertId()).setTenantId(alert.getTenantId())
                .setClassId(alert.getClassId()).setAction(action).setBy(by).setTime(time).build();
    }

    /** One record of a topic at its offset. */
    public record At<K, V>(K key, V value, long offset) {}

    public static <K, V> At<K, V> at(K key, V value, long offset) {
        return new At<>(key, value, offset);
    }

    /** Inserts the records as one batch, as {@code TopicSink} does: one row per record, one insert. */
    @SafeVarargs
    public static <K, V> void write(ColumnStore store, RowMapper<K, V> rows, At<K, V>... records) {
        List<List<?>> batch = new ArrayList<>();
        for (At<K, V> record : records) batch.add(rows.row(record.key(), record.value(), record.offset()));
        store.insert(rows.table(), rows.columns(), batch);
    }
}
