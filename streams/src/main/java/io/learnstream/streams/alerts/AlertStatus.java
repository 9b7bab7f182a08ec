package io.learnstream.streams.alerts;

/**
 * The statuses of an alert ({@code Alert.status}) and the feedback actions ({@code AlertFeedback.action}) that give
 * them. The same words as the CLI's {@code FeedbackAction}.
 */
final class AlertStatus {
    static final String OPEN = "open";
    static final String ACKNOWLEDGED = "acknowledged";
    static final String DISMISSED = "dismissed";
    static final String CLEARED = "cleared";

    static final String ACKNOWLEDGE = "acknowledge";
    static final String DISMISS = "dismiss";

    private AlertStatus() {}

    /** The status feedback of this action closes an alert with; null for an action that is neither. */
    static String closedBy(String action) {
        return switch (action) {
            case ACKNOWLEDGE -> ACKNOWLEDGED;
            case DISMISS -> DISMISSED;
            case null, default -> null;
        };
    }
}
