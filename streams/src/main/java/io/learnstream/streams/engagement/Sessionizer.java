package io.learnstream.streams.engagement;

import io.learnstream.schemas.avro.ActivitySession;
import io.learnstream.schemas.avro.EngagementChange;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.StudentCourse;
import io.learnstream.schemas.avro.StudentCourseDay;
import io.learnstream.schemas.topic.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Cuts a student's events into sessions per course, in event time, and says how each event changed the
 * engagement of the day(s) involved.
 *
 * <p>It runs on the learning-events partitions as they are (keyed by student), so a student's events arrive in
 * the order they were accepted. (A repartition by student and course before windowing would interleave the output of
 * several tasks and put a student's events out of order.)
 *
 * <p>An event joins every session it is within the inactivity gap of; joined sessions merge into one. Each
 * session counts on the day it starts. For every event the changes of the days touched are forwarded, net:
 * the old sessions taken away, the merged one added.
 *
 * <p>Lateness is the student's own: an event older than the student's newest event minus the grace period can no
 * longer be placed reliably (the student's sessions that far back are forgotten); it is forwarded as late, with the
 * reason, for the dead-letter topic. What other students' events did to the partition's stream time does not count:
 * a partition carries many students whose tools sync independently, and a backlog read from several intake
 * partitions reaches it in an order that depends on how fast each was read, not on when the learning happened.
 */
final class Sessionizer implements Processor<String, LearningEvent, StudentCourseDay, EngagementChange> {
    private final EngagementOptions options;
    private final String sessionsStore;
    private final String newestStore;
    private ProcessorContext<StudentCourseDay, EngagementChange> context;
    /** Each student's sessions of each course, by the time of their last event ({@link SessionKeys}). */
    private KeyValueStore<Bytes, ActivitySession> sessions;
    /** The time of each student's newest event (district-scoped student key). */
    private KeyValueStore<String, Long> newest;

    Sessionizer(EngagementOptions options, String sessionsStore, String newestStore) {
        this.options = options;
        this.sessionsStore = sessionsStore;
        this.newestStore = newestStore;
    }

    @Override
    public void init(ProcessorContext<StudentCourseDay, EngagementChange> context) {
        this.context = context;
        this.sessions = context.getStateStore(sessionsStore);
        this.newest = context.getStateStore(newestStore);
    }

    @Override
    public void process(Record<String, LearningEvent> record) {
        LearningEvent event = record.value();
        if (event == null) return;
        long at = event.getEventTime().toEpochMilli();
        String student = Topics.tenantScopedKey(event.getTenantId(), event.getStudentKey());
        Long studentsNewest = newest.get(student);
        if (studentsNewest != null && at < studentsNewest - options.grace().toMillis()) {
            forwardLate(record, event, studentsNewest);
            return;
        }
        if (studentsNewest == null || at > studentsNewest) {
            newest.put(student, at);
            studentsNewest = at;
        }
        StudentCourse key = new StudentCourse(event.getTenantId(), event.getStudentKey(), event.getCourseId());
        long gap = options.inactivityGap().toMillis();

        Map<LocalDate, Change> changes = new LinkedHashMap<>();
        ActivitySession merged = new ActivitySession(1L, event.getEventTime(), event.getEventTime());
        for (KeyValue<Bytes, ActivitySession> existing : overlapping(key, at - gap, at + gap)) {
            merged = Sessions.merge(merged, existing.value);
            sessions.delete(existing.key);
            changes.computeIfAbsent(dayOf(existing.value.getFirstEventTime()), d -> new Change()).remove(existing.value);
        }
        sessions.put(SessionKeys.of(key, merged.getLastEventTime().toEpochMilli()), merged);
        changes.computeIfAbsent(dayOf(merged.getFirstEventTime()), d -> new Change()).add(merged);
        forgetSessionsBefore(key, studentsNewest - options.grace().toMillis() - gap);

        changes.forEach((day, change) -> {
            if (!change.isNone()) {
                context.forward(record.withKey(new StudentCourseDay(key.getTenantId(), key.getStudentKey(), key.getCourseId(), day))
                        .withValue(change.toAvro()));
            }
        });
    }

    /**
     * The sessions of {@code key} with an event between {@code from} and {@code to}: ordered by their end, which is
     * their start's order too, so the scan ends at the first that starts after {@code to}.
     */
    private List<KeyValue<Bytes, ActivitySession>> overlapping(StudentCourse key, long from, long to) {
        List<KeyValue<Bytes, ActivitySession>> found = new ArrayList<>(2);
        try (KeyValueIterator<Bytes, ActivitySession> ending = sessions.range(SessionKeys.of(key, from), SessionKeys.last(key))) {
            while (ending.hasNext()) {
                KeyValue<Bytes, ActivitySession> session = ending.next();
                if (session.value.getFirstEventTime().toEpochMilli() > to) break;
                found.add(session);
            }
        }
        return found;
    }

    /** Removes the sessions of {@code key} that ended before {@code cutoff}: no event on time can join them any more. */
    private void forgetSessionsBefore(StudentCourse key, long cutoff) {
        List<Bytes> ended = new ArrayList<>();
        try (KeyValueIterator<Bytes, ActivitySession> old = sessions.range(SessionKeys.of(key, Long.MIN_VALUE), SessionKeys.of(key, cutoff - 1))) {
            while (old.hasNext()) ended.add(old.next().key);
        }
        ended.forEach(sessions::delete);
    }

    private void forwardLate(Record<String, LearningEvent> record, LearningEvent event, long studentsNewest) {
        String reason = "event time " + event.getEventTime() + " is more than the grace period of " + options.grace()
                + " behind the student's newest event, at " + Instant.ofEpochMilli(studentsNewest) + "; its session may be closed";
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
