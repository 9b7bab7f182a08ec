package io.learnstream.streams.engagement;

import io.learnstream.schemas.avro.ActivitySession;
import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.schemas.avro.StudentCourseDay;
import java.time.LocalDate;

/**
 * A day's engagement as the sum of the sessions that started that day. Sessions come and go as they merge
 * (a late event can join two sessions), so the sum supports both adding and subtracting a session.
 */
final class DailyEngagement {
    private DailyEngagement() {}

    static EngagementDaily empty() {
        return new EngagementDaily("", "", "", LocalDate.EPOCH, 0L, 0, 0.0);
    }

    static EngagementDaily add(StudentCourseDay key, ActivitySession session, EngagementDaily day) {
        return of(key, day.getEvents() + session.getEvents(), day.getSessions() + 1,
                day.getActiveMinutes() + Sessions.minutes(session));
    }

    static EngagementDaily subtract(StudentCourseDay key, ActivitySession session, EngagementDaily day) {
        return of(key, day.getEvents() - session.getEvents(), day.getSessions() - 1,
                Math.max(0.0, day.getActiveMinutes() - Sessions.minutes(session)));
    }

    private static EngagementDaily of(StudentCourseDay key, long events, int sessions, double minutes) {
        return new EngagementDaily(key.getTenantId(), key.getStudentKey(), key.getCourseId(), key.getDay(),
                events, sessions, minutes);
    }
}
