package io.learnstream.streams.engagement;

import io.learnstream.schemas.avro.ActivitySession;
import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.StudentCourse;
import io.learnstream.schemas.avro.StudentCourseDay;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.EventTimeExtractor;
import java.time.ZoneOffset;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.SessionWindows;

/**
 * Engagement per student, course and day: learning events are cut into sessions (a session ends after the
 * inactivity gap without activity, in event time), and each day sums the events, sessions and active minutes
 * of the sessions that started on it. The result is an update stream on {@link Topics#engagementDaily()}.
 *
 * <pre>
 * learning-events ──groupBy(student, course)──▶ session windows ──▶ sessions store
 *                                                       │ (merges retract old sessions)
 *                 engagement-daily ◀── daily store ◀──groupBy(student, course, day of session start)
 * </pre>
 */
public final class EngagementTopology {
    public static final String BY_STUDENT_COURSE = "engagement-by-student-course";
    public static final String SESSIONS_STORE = "engagement-sessions";
    public static final String BY_DAY = "engagement-sessions-by-day";
    public static final String DAILY_STORE = "engagement-daily";

    private EngagementTopology() {}

    public static Topology build(Topics topics, AvroSerdes serdes, EngagementOptions options) {
        Serde<StudentCourse> studentCourse = serdes.key(StudentCourse.class);
        Serde<StudentCourseDay> studentCourseDay = topics.engagementDaily().keySerde();
        Serde<LearningEvent> event = topics.learningEvents().valueSerde();
        Serde<ActivitySession> session = serdes.value(ActivitySession.class);
        Serde<EngagementDaily> daily = topics.engagementDaily().valueSerde();

        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.learningEvents().name(),
                        Consumed.with(topics.learningEvents().keySerde(), event)
                                .withTimestampExtractor(new EventTimeExtractor())
                                .withName("learning-events-source"))
                .groupBy((studentKey, e) -> new StudentCourse(e.getTenantId(), e.getStudentKey(), e.getCourseId()),
                        Grouped.with(BY_STUDENT_COURSE, studentCourse, event))
                .windowedBy(SessionWindows.ofInactivityGapAndGrace(options.inactivityGap(), options.grace()))
                .aggregate(Sessions::empty, Sessions::add, Sessions::merge, Named.as("engagement-sessionize"),
                        Materialized.<StudentCourse, ActivitySession, org.apache.kafka.streams.state.SessionStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(SESSIONS_STORE)
                                .withKeySerde(studentCourse)
                                .withValueSerde(session))
                .groupBy((windowed, s) -> KeyValue.pair(dayOf(windowed.key(), s), s),
                        Grouped.with(BY_DAY, studentCourseDay, session))
                .aggregate(DailyEngagement::empty, DailyEngagement::add, DailyEngagement::subtract,
                        Named.as("engagement-daily-sum"),
                        Materialized.<StudentCourseDay, EngagementDaily, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(DAILY_STORE)
                                .withKeySerde(studentCourseDay)
                                .withValueSerde(daily))
                .toStream(Named.as("engagement-daily-changes"))
                .to(topics.engagementDaily().name(),
                        Produced.with(studentCourseDay, daily).withName("engagement-daily-sink"));
        return builder.build();
    }

    private static StudentCourseDay dayOf(StudentCourse key, ActivitySession session) {
        return new StudentCourseDay(key.getTenantId(), key.getStudentKey(), key.getCourseId(),
                session.getFirstEventTime().atZone(ZoneOffset.UTC).toLocalDate());
    }
}
