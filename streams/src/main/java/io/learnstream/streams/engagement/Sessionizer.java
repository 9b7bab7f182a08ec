package io.learnstream.streams.engagement;

import io.learnstream.schemas.avro.ActivitySession;
import io.learnstream.schemas.avro.EngagementChange;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.StudentCourse;
import io.learnstream.schemas.avro.StudentCourseDay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.SessionWindow;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.SessionStore;

/**
 * Cuts a student's events into sessions per course, in event time, and says how each event changed the
 * engagement of the day(s) involved.
 *
 * <p>It runs on the learning-events partitions as they are (keyed by student), so a student's events arrive in
 * the order they were accepted and stream time follows event time even while a backlog or a semester replay is
 * being processed. (A repartition by student and course before windowing would interleave the output of
 * several tasks and make on-time events look days late.)
 *
 * <p>An event joins every session it is within the inactivity gap of; joined sessions merge into one. Each
 * session counts on the day it starts. For every event the changes of the days touched are forwarded, net:
 * the old sessions taken away, the merged one added. An event older than stream time minus the grace period
 * can no longer be placed reliably: it is forwarded as late, with the reason, for the dead-letter topic.
 */
final class Sessionizer implements Processor<String, LearningEvent, StudentCourseDay, EngagementChange> {
    private final EngagementOptions options;
    private final String storeName;
    private ProcessorContext<StudentCourseDay, EngagementChange> context;
    private SessionStore<StudentCourse, ActivitySession> sessions;

    Sessionizer(EngagementOptions options, String storeName) {
        this.options = options;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<StudentCourseDay, EngagementChange> context) {
        this.context = context;
        this.sessions = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, LearningEvent> record) {
        LearningEvent event = record.value();
        if (event == null) return;
        long at = event.getEventTime().toEpochMilli();
        long streamTime = context.currentStreamTimeMs();
        if (at < streamTime - options.grace().toMillis()) {
            forwardLate(record, event, streamTime);
            return;
        }
        StudentCourse key = new StudentCourse(event.getTenantId(), event.getStudentKey(), event.getCourseId());
        long gap = options.inactivityGap().toMillis();

        Map<LocalDate, Change> changes = new LinkedHashMap<>();
        ActivitySession merged = new ActivitySession(1L, event.getEventTime(), event.getEventTime());
        try (KeyValueIterator<Windowed<StudentCourse>, ActivitySession> overlapping = sessions.findSessions(key, at - gap, at + gap)) {
            while (overlapping.hasNext()) {
                var existing = overlapping.next();
                merged = Sessions.merge(merged, existing.value);
                sessions.remove(existing.key);
                changes.computeIfAbsent(dayOf(existing.value.getFirstEventTime()), d -> new Change()).remove(existing.value);
            }
        }
        sessions.put(new Windowed<>(key, new SessionWindow(merged.getFirstEventTime().toEpochMilli(),
                merged.getLastEventTime().toEpochMilli())), merged);
        changes.computeIfAbsent(dayOf(merged.getFirstEventTime()), d -> new Change()).add(merged);

        changes.forEach((day, change) -> {
            if (!change.isNone()) {
                context.forward(record.withKey(new StudentCourseDay(key.getTenantId(), key.getStudentKey(), key.getCourseId(), day))
                        .withValue(change.toAvro()));
            }
        });
    }

    private void forwardLate(Record<String, LearningEvent> record, LearningEvent event, long streamTime) {
        String reason = "event time " + event.getEventTime() + " is more than the grace period of " + options.grace()
                + " behind the stream time " + Instant.ofEpochMilli(streamTime) + " of its partition; its session may be closed";
        EngagementChange late = new EngagementChange(0L, 0, 0.0, event.getEventId(), reason, event.toString());
        context.forward(record.withKey(new StudentCourseDay(event.getTenantId(), event.getStudentKey(), event.getCourseId(),
                dayOf(event.getEventTime()))).withValue(late));
    }

    private static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The net change of one day from one event. */
    private static final class Change {
        long events;
        int sessions;
        double minutes;

        void add(ActivitySession session) {
            events += session.getEvents();
            sessions++;
            minutes += Sessions.minutes(session);
        }

        void remove(ActivitySession session) {
            events -= session.getEvents();
            sessions--;
            minutes -= Sessions.minutes(session);
        }

        boolean isNone() {
            return events == 0 && sessions == 0 && minutes == 0.0;
        }

        EngagementChange toAvro() {
            return new EngagementChange(events, sessions, minutes, null, null, null);
        }
    }
}
