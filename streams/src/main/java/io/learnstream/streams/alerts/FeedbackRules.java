package io.learnstream.streams.alerts;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.AlertFeedback;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * What a teacher's feedback does: an acknowledgement or dismissal of an open alert closes it (status acknowledged or
 * dismissed, {@code closedBy} who answered, {@code closedTime} when, though never before the alert was raised).
 * Feedback for an alert unknown (never raised, or superseded by a newer alert of its slot) or already closed changes
 * nothing and is counted. Feedback that is not valid ({@link #problem}) never reaches this processor: the topology
 * sends it to the dead letters.
 */
final class FeedbackRules implements Processor<String, AlertFeedback, String, Alert> {
    private final AlertsMetrics metrics;
    private ProcessorContext<String, Alert> context;
    private AlertBook book;

    FeedbackRules(AlertsMetrics metrics) {
        this.metrics = metrics;
    }

    /** What is wrong with the feedback, naming the field; null when it is valid. */
    static String problem(AlertFeedback feedback) {
        if (feedback == null) return "the record has no value: feedback names an alert and an action";
        if (AlertStatus.closedBy(feedback.getAction()) == null) {
            return "action '" + feedback.getAction() + "' is neither " + AlertStatus.ACKNOWLEDGE + " nor " + AlertStatus.DISMISS;
        }
        if (!AlertIds.ofClass(feedback.getAlertId(), feedback.getTenantId(), feedback.getClassId())) {
            return "alertId '" + feedback.getAlertId() + "' is not an alert id of class '" + feedback.getClassId() + "' of district '"
                    + feedback.getTenantId() + "' (<tenant>/<classId>/<studentKey>/<factor>/<raised epoch millis>)";
        }
        if (feedback.getBy().isBlank()) return "by is blank: feedback names who answered";
        return null;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.book = new AlertBook(context.getStateStore(AlertsTopology.ALERTS_STORE));
    }

    @Override
    public void process(Record<String, AlertFeedback> record) {
        AlertFeedback feedback = record.value();
        Alert latest = book.latest(AlertIds.slotOf(feedback.getAlertId()));
        if (latest == null || !latest.getAlertId().equals(feedback.getAlertId())) {
            metrics.countUnknownAlert();
            return;
        }
        if (!AlertStatus.OPEN.equals(latest.getStatus())) {
            metrics.countAlreadyClosed();
            return;
        }
        String status = AlertStatus.closedBy(feedback.getAction());
        Instant closedTime = feedback.getTime().isBefore(latest.getRaisedTime()) ? latest.getRaisedTime() : feedback.getTime();
        Alert closed = Alert.newBuilder(latest).setStatus(status).setClosedBy(feedback.getBy()).setClosedTime(closedTime).build();
        book.put(closed);
        metrics.countAnswered(status);
        context.forward(new Record<>(closed.getAlertId(), closed, closedTime.toEpochMilli(), record.headers()));
    }
}
