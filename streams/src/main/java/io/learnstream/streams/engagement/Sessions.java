package io.learnstream.streams.engagement;

import io.learnstream.schemas.avro.ActivitySession;

/** The arithmetic of activity sessions. */
final class Sessions {
    private Sessions() {}

    static ActivitySession merge(ActivitySession a, ActivitySession b) {
        return new ActivitySession(
                a.getEvents() + b.getEvents(),
                a.getFirstEventTime().isBefore(b.getFirstEventTime()) ? a.getFirstEventTime() : b.getFirstEventTime(),
                a.getLastEventTime().isAfter(b.getLastEventTime()) ? a.getLastEventTime() : b.getLastEventTime());
    }

    static double minutes(ActivitySession session) {
        return (session.getLastEventTime().toEpochMilli() - session.getFirstEventTime().toEpochMilli()) / 60_000.0;
    }
}
