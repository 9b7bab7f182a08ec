package io.learnstream.streams.risk.model;

/**
 * One thing a student did in a class, as the risk model sees it.
 *
 * @param time event time, epoch millis
 * @param kind what it was
 * @param activity a hash of the activity's id (for coverage); 0 when none
 * @param lineItemId for a submission, the class's line item it submits
 * @param score for a submission, its scaled score in [0, 1] if it has one
 */
public record RiskEvent(long time, Kind kind, int activity, String lineItemId, Double score) {
    public enum Kind { REGISTERED, WITHDREW, ACTIVITY, SUBMISSION }

    public static RiskEvent activity(long time, String activityId) {
        return new RiskEvent(time, Kind.ACTIVITY, activityId.hashCode(), null, null);
    }

    public static RiskEvent submission(long time, String lineItemId, Double score) {
        return new RiskEvent(time, Kind.SUBMISSION, lineItemId.hashCode(), lineItemId, score);
    }

    public static RiskEvent registered(long time) {
        return new RiskEvent(time, Kind.REGISTERED, 0, null, null);
    }

    public static RiskEvent withdrew(long time) {
        return new RiskEvent(time, Kind.WITHDREW, 0, null, null);
    }
}
