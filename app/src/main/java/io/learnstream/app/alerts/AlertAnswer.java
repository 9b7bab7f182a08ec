package io.learnstream.app.alerts;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.AlertFeedback;
import io.learnstream.schemas.topic.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A teacher's acknowledgement or dismissal of an alert, checked against the alert's latest status: only an alert
 * that exists and is open can be answered. The record goes to the alert-feedback topic keyed {@code <tenant>/<classId>};
 * the topology closes the alert on reading it.
 *
 * @param alert the alert answered, as it is now
 * @param key the record's key on the alert-feedback topic
 */
public record AlertAnswer(Alert alert, String key, AlertFeedback feedback) {

    /**
     * The answer to alert {@code alertId}, whose latest value on the alerts topic is {@code latest}.
     *
     * @throws IllegalArgumentException naming the id and why, when there is no such alert or it is not open
     */
    public static AlertAnswer of(String alertId, Optional<Alert> latest, FeedbackAction action, String by, Instant now) {
        if (by == null || by.isBlank()) throw new IllegalArgumentException("--by must name who answers the alert");
        Alert alert = latest.orElseThrow(() -> new IllegalArgumentException("there is no alert '" + alertId
                + "' (learnstream alerts list --status all shows every alert's id)"));
        if (!AlertFilter.OPEN.equals(alert.getStatus())) {
            throw new IllegalArgumentException("alert '" + alertId + "' cannot be " + action.closedStatus() + ": it is "
                    + alert.getStatus() + closedWhenAndBy(alert) + ", and only an open alert can be answered");
        }
        AlertFeedback feedback = AlertFeedback.newBuilder().setAlertId(alert.getAlertId()).setTenantId(alert.getTenantId())
                .setClassId(alert.getClassId()).setAction(action.wireName()).setBy(by.strip()).setTime(now).build();
        return new AlertAnswer(alert, Topics.tenantScopedKey(alert.getTenantId(), alert.getClassId()), feedback);
    }

    private static String closedWhenAndBy(Alert alert) {
        return (alert.getClosedBy() == null ? "" : " by " + alert.getClosedBy())
                + (alert.getClosedTime() == null ? "" : " at " + alert.getClosedTime().truncatedTo(ChronoUnit.SECONDS));
    }
}
