package io.learnstream.streams.alerts;

/**
 * The keys of alerts. A slot is one student of one class and one factor, {@code <tenant>/<classId>/<studentKey>/<factor>}:
 * it holds at most one open alert. An alert's id is its slot and the epoch millisecond it was raised,
 * {@code <slot>/<raised epoch millis>}. Factors may hold {@code /} (a mastery factor names a skill URL), so a slot
 * is found from an id by cutting the last segment, and a student's slots by their prefix (checked against the
 * alert's own fields, as a class id may hold {@code /} too).
 */
final class AlertIds {
    private static final String SEPARATOR = "/";

    private AlertIds() {}

    static String slot(String tenantId, String classId, String studentKey, String factor) {
        return studentPrefix(tenantId, classId, studentKey) + factor;
    }

    /** What every slot of the student in the class starts with. */
    static String studentPrefix(String tenantId, String classId, String studentKey) {
        return tenantId + SEPARATOR + classId + SEPARATOR + studentKey + SEPARATOR;
    }

    static String alertId(String slot, long raisedMillis) {
        return slot + SEPARATOR + raisedMillis;
    }

    /** The slot of an alert id, or null when the id does not end in {@code /<epoch millis>}. */
    static String slotOf(String alertId) {
        int cut = alertId.lastIndexOf(SEPARATOR);
        if (cut <= 0 || cut == alertId.length() - 1) return null;
        for (int i = cut + 1; i < alertId.length(); i++) {
            if (!Character.isDigit(alertId.charAt(i))) return null;
        }
        return alertId.substring(0, cut);
    }

    /** Whether the id names an alert of this class: it starts with {@code <tenant>/<classId>/} and ends in millis. */
    static boolean ofClass(String alertId, String tenantId, String classId) {
        return alertId.startsWith(tenantId + SEPARATOR + classId + SEPARATOR) && slotOf(alertId) != null;
    }
}
