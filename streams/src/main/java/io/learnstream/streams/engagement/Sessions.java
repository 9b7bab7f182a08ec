package io.learnstream.streams.engagement;

import io.learnstream.schemas.avro.ActivitySession;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.StudentCourse;
import java.time.Instant;

/** The arithmetic of activity sessions: start one, add an event to one, merge two. */
final class Sessions {
    private Sessions() {}

    static ActivitySession empty() {
        return new ActivitySession(0L, Instant.ofEpochMilli(Long.MAX_VALUE), Instant.ofEpochMilli(Long.MIN_VALUE));
    }

    static ActivitySession add(StudentCourse key, LearningEvent event, ActivitySession session) {
        Instant at = event.getEventTime();
        return new ActivitySession(
                session.getEvents() + 1,
                at.isBefore(session.getFirstEventTime()) ? at : session.getFirstEventTime(),
                at.isAfter(session.getLastEventTime()) ? at : session.getLastEventTime());
    }

    static ActivitySession merge(StudentCourse key, ActivitySession a, ActivitySession b) {
        return new ActivitySession(
                a.getEvents() + b.getEvents(),
                a.getFirstEventTime().isBefore(b.getFirstEventTime()) ? a.getFirstEventTime() : b.getFirstEventTime(),
                a.getLastEventTime().isAfter(b.getLastEventTime()) ? a.getLastEventTime() : b.getLastEventTime());
    }

    static double minutes(ActivitySession session) {
        return (session.getLastEventTime().toEpochMilli() - session.getFirstEventTime().toEpochMilli()) / 60_000.0;
    }
}
