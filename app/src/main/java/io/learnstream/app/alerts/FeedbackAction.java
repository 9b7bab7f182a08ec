package io.learnstream.app.alerts;

/** A teacher's answer to an alert: its {@code AlertFeedback.action}, and the status the alert gets once closed by it. */
public enum FeedbackAction {
    ACKNOWLEDGE("acknowledge", "acknowledged"),
    DISMISS("dismiss", "dismissed");

    private final String wireName;
    private final String closedStatus;

    FeedbackAction(String wireName, String closedStatus) {
        this.wireName = wireName;
        this.closedStatus = closedStatus;
    }

    /** The value of {@code AlertFeedback.action}. */
    public String wireName() {
        return wireName;
    }

    /** The alert's status once the topology has closed it on this answer. */
    public String closedStatus() {
        return closedStatus;
    }
}
