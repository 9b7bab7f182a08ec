package io.learnstream.streams.engagement;

import io.learnstream.schemas.avro.EngagementChange;
import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.schemas.avro.StudentCourseDay;
import java.time.LocalDate;

/**
 * A day's engagement as the running sum of the changes the sessionizer sends for it. Sums do not depend on the
 * order the changes arrive in, which is what lets this step follow a repartition.
 */
final class DailyEngagement {
    private DailyEngagement() {}

    static EngagementDaily empty() {
        return new EngagementDaily("", "", "", LocalDate.EPOCH, 0L, 0, 0.0);
    }

    static EngagementDaily apply(StudentCourseDay key, EngagementChange change, EngagementDaily day) {
        double minutes = day.getActiveMinutes() + change.getActiveMinutes();
        return new EngagementDaily(key.getTenantId(), key.getStudentKey(), key.getCourseId(), key.getDay(),
                day.getEvents() + change.getEvents(), day.getSessions() + change.getSessions(),
                // sums of doubles drift by ulps when sessions are taken away again: keep the figure clean
                Math.abs(minutes) < 1e-9 ? 0.0 : Math.round(minutes * 1e6) / 1e6);
    }
}
