package io.learnstream.sinks.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Alerts due to one teacher at one address: one alert as raised, or what a digest or quiet hours collected. What an
 * {@link AlertNotifier} sends, with the words a teacher reads ({@link #subject()}, {@link #text()}).
 *
 * @param deliveryId the idempotency key: the same for the same teacher, channel and alerts
 * @param tenantId the district
 * @param teacherSourcedId the teacher's roster sourcedId
 * @param address the teacher's e-mail address or the webhook URL
 * @param digest a daily digest (else alerts as raised)
 * @param alerts oldest raised first, at least one
 * @param dueTime when it was due
 */
public record Delivery(String deliveryId, String tenantId, String teacherSourcedId, String address, boolean digest,
        List<Item> alerts, Instant dueTime) {
    public Delivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(address, "address");
        alerts = List.copyOf(alerts);
        if (alerts.isEmpty()) throw new IllegalArgumentException("a delivery carries at least one alert");
    }

    /**
     * One alert of a delivery.
     *
     * @param text the alert's sentence (the risk and its top reasons)
     * @param reasons every reason, in words, largest first
     * @param link the student's page on the dashboard
     */
    public record Item(String alertId, String classId, String studentKey, String text, List<String> reasons, double probability,
            Instant raisedTime, String link) {
        public Item {
            reasons = List.copyOf(reasons);
        }
    }

    /** E.g. "learnstream alert for northside-math-6-2: no activity for 9 days", or "learnstream daily digest: 3 alerts". */
    public String subject() {
        if (alerts.size() == 1 && !digest) {
            Item alert = alerts.getFirst();
            return "learnstream alert for " + alert.classId() + (alert.reasons().isEmpty() ? "" : ": " + alert.reasons().getFirst());
        }
        return (digest ? "learnstream daily digest: " : "learnstream: ") + alerts.size() + (alerts.size() == 1 ? " alert" : " alerts");
    }

    /** Plain text: each alert's sentence, its reasons and the link to the student's page. */
    public String text() {
        StringBuilder text = new StringBuilder();
        if (alerts.size() > 1 || digest) {
            text.append(alerts.size()).append(alerts.size() == 1 ? " student needs" : " students need").append(" your attention.\n\n");
        }
        for (Item alert : alerts) {
            text.append("Class ").append(alert.classId()).append(": ").append(alert.text()).append('\n');
            if (!alert.reasons().isEmpty()) {
                text.append("Reasons:\n").append(alert.reasons().stream().map(reason -> "  - " + reason + "\n").collect(Collectors.joining()));
            }
            text.append("Student's page: ").append(alert.link()).append("\n\n");
        }
        text.append("Acknowledge or dismiss these alerts on the dashboard; your answers improve them.\n");
        return text.toString();
    }
}
