package io.learnstream.streams.alerts;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.ClassTeacher;
import io.learnstream.schemas.avro.ClassTeachers;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.schemas.topic.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * What a risk score does to its student's alerts in the class, in the score's event time ({@code asOf}):
 * <ul>
 *   <li>flagged, not withdrawn, with a reason: raises an alert for the top reason's factor, unless that slot (student,
 *       class, factor) has an open alert, or its last alert closed less than the cooldown before. One alert per
 *       reason: when the top factor changes while the student stays flagged, the new factor gets its own alert and
 *       the earlier one stays open. Only the top factor raises: one in cooldown does not pass the turn to the next.</li>
 *   <li>not flagged, or withdrawn: closes the student's open alerts in the class as cleared (a withdrawn student
 *       raises nothing).</li>
 * </ul>
 * A score older than what it would act on is stale and acts on nothing: it clears no alert raised after it, and it
 * raises nothing before the last alert's close plus the cooldown (nor at or before the last alert's raise, so ids
 * never repeat). The class's teachers are those the global class-teachers store holds when the alert is raised.
 */
final class ScoreRules implements Processor<String, RiskScore, String, Alert> {
    private static final Comparator<ClassTeacher> PRIMARY_FIRST = Comparator.comparing(teacher -> !teacher.getPrimary());

    private final long cooldown;
    private final AlertsMetrics metrics;
    private ProcessorContext<String, Alert> context;
    private AlertBook book;
    private KeyValueStore<String, ValueAndTimestamp<ClassTeachers>> classTeachers;

    ScoreRules(AlertsOptions options, AlertsMetrics metrics) {
        this.cooldown = saturatedMillis(options);
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.book = new AlertBook(context.getStateStore(AlertsTopology.ALERTS_STORE));
        this.classTeachers = context.getStateStore(AlertsTopology.CLASS_TEACHERS_STORE);
    }

    @Override
    public void process(Record<String, RiskScore> record) {
        RiskScore score = record.value();
        if (score == null) return;
        long at = score.getAsOf().toEpochMilli();
        if (!score.getFlagged() || score.getWithdrawn()) {
            clear(record, score, at);
        } else if (!score.getReasons().isEmpty()) {
            raise(record, score, at);
        }
    }

    private void raise(Record<String, RiskScore> record, RiskScore score, long at) {
        String factor = score.getReasons().getFirst().getFactor();
        String slot = AlertIds.slot(score.getTenantId(), score.getClassId(), score.getStudentKey(), factor);
        Alert latest = book.latest(slot);
        if (latest != null && at < notBefore(latest)) return;
        List<ClassTeacher> teachers = teachersOf(score.getTenantId(), score.getClassId());
        Alert alert = Alert.newBuilder()
                .setAlertId(AlertIds.alertId(slot, at))
                .setTenantId(score.getTenantId())
                .setClassId(score.getClassId())
                .setStudentKey(score.getStudentKey())
                .setFactor(factor)
                .setText(AlertText.of(score))
                .setReasons(List.<RiskReason>copyOf(score.getReasons()))
                .setProbability(score.getProbability())
                .setTeachers(teachers)
                .setStatus(AlertStatus.OPEN)
                .setRaisedTime(score.getAsOf())
                .build();
        book.put(alert);
        metrics.countRaised(!teachers.isEmpty());
        context.forward(new Record<>(alert.getAlertId(), alert, at, record.headers()));
    }

    /** The first event time the slot may raise again: never while open; after a close, once the cooldown passed. */
    private long notBefore(Alert latest) {
        if (AlertStatus.OPEN.equals(latest.getStatus())) return Long.MAX_VALUE;
        long closed = latest.getClosedTime().toEpochMilli();
        long cooledDown = closed > Long.MAX_VALUE - cooldown ? Long.MAX_VALUE : closed + cooldown;
        return Math.max(cooledDown, latest.getRaisedTime().toEpochMilli() + 1);
    }

    private void clear(Record<String, RiskScore> record, RiskScore score, long at) {
        for (Alert open : book.open(score.getTenantId(), score.getClassId(), score.getStudentKey())) {
            if (open.getRaisedTime().toEpochMilli() > at) continue; // raised after this score: it is stale
            Alert cleared = Alert.newBuilder(open).setStatus(AlertStatus.CLEARED).setClosedTime(Instant.ofEpochMilli(at)).build();
            book.put(cleared);
            metrics.countCleared();
            context.forward(new Record<>(cleared.getAlertId(), cleared, at, record.headers()));
        }
    }

    /** The class's teachers, primary first (the order class-teachers has, kept also if a producer did not). */
    private List<ClassTeacher> teachersOf(String tenantId, String classId) {
        ValueAndTimestamp<ClassTeachers> entry = classTeachers.get(Topics.tenantScopedKey(tenantId, classId));
        if (entry == null || entry.value() == null) return List.of();
        List<ClassTeacher> teachers = new ArrayList<>(entry.value().getTeachers());
        teachers.sort(PRIMARY_FIRST);
        return teachers;
    }

    private static long saturatedMillis(AlertsOptions options) {
        try {
            return options.cooldown().toMillis();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
