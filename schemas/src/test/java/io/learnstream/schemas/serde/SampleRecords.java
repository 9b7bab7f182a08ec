package io.learnstream.schemas.serde;

import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.StudentCourseDay;
import java.time.Instant;
import java.time.LocalDate;

/** Records with every kind of field filled, for serde tests. */
public final class SampleRecords {
    private SampleRecords() {}

    public static LearningEvent learningEvent(String eventId) {
        return LearningEvent.newBuilder()
                .setEventId(eventId)
                .setTenantId("district-7")
                .setStudentKey("s-4f2a")
                .setCourseId("algebra-1")
                .setActivityId("https://lms.example/activities/quiz-3")
                .setActivityType("http://adlnet.gov/expapi/activities/assessment")
                .setVerb("http://adlnet.gov/expapi/verbs/completed")
                .setEventTime(Instant.parse("2025-03-04T10:15:30.123Z"))
                .setStoredTime(Instant.parse("2025-03-04T10:15:31.456Z"))
                .setSourceFormat("xapi")
                .setTool("moodle")
                .setScoreScaled(0.85)
                .setSuccess(true)
                .setCompletion(true)
                .setDurationMs(93_000L)
                .setRegistration(null)
                .build();
    }

    public static StudentCourseDay studentCourseDay() {
        return StudentCourseDay.newBuilder()
                .setTenantId("district-7")
                .setStudentKey("s-4f2a")
                .setCourseId("algebra-1")
                .setDay(LocalDate.parse("2025-03-04"))
                .build();
    }
}
